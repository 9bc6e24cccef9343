package io.github.stickyuploads.it.script;

import io.github.stickyuploads.storage.FileSystemStorage;
import io.github.stickyuploads.storage.StoredObject;
import io.github.stickyuploads.storage.UploadContent;
import io.github.stickyuploads.storage.UploadMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A storage that reads uploads at about 300 KB/s, so that a browser test can pick, replace or submit while
 * an upload is really running. TCP backpressure slows the browser down to the same pace.
 */
@Named(SlowStorage.NAME)
@ApplicationScoped
public class SlowStorage extends FileSystemStorage {

    public static final String NAME = "slow";
    private static final int CHUNK = 16 * 1024;

    public SlowStorage() {
        super(Path.of(ConfigProvider.getConfig().getValue("test.slow-storage", String.class)));
    }

    @Override
    public StoredObject store(UploadContent content, UploadMetadata metadata) throws IOException {
        return super.store(new UploadContent(new FilterInputStream(content) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                return super.read(buffer, offset, Math.min(length, CHUNK));
            }
        }) { }, metadata);
    }
}
