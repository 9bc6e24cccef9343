package io.github.stickyuploads.it.storage;

import io.github.stickyuploads.storage.FileSystemStorage;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * An application's own storage, chosen by stickyuploads.storage=recording; {@code @Dependent}, and each instance
 * leaves a file in test.recording-instances, so that a test can count how many the library made.
 */
@Named("recording")
@Dependent
public class RecordingStorage extends FileSystemStorage {

    public RecordingStorage() throws IOException {
        super(Path.of(ConfigProvider.getConfig().getValue("test.recording-storage", String.class)));
        Path instances = Files.createDirectories(Path.of(ConfigProvider.getConfig().getValue("test.recording-instances", String.class)));
        Files.createTempFile(instances, "instance", ".txt");
    }
}
