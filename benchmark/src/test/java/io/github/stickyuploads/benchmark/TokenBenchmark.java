package io.github.stickyuploads.benchmark;

import io.github.stickyuploads.internal.token.SigningKeys;
import io.github.stickyuploads.internal.token.TokenCheck;
import io.github.stickyuploads.internal.token.TokenClaims;
import io.github.stickyuploads.internal.token.TokenCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** What minting and verifying one token costs, with a previous secret in the rotation like a real cluster. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenBenchmark {

    private final TokenCodec codec = new TokenCodec(new SigningKeys(
            "benchmark-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
            List.of("previous-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII))), "benchmark");
    private final TokenClaims claims = new TokenClaims("temp", "0123456789abcdef0123456789abcdef", "curriculum-vitae.pdf",
            48_213, "application/pdf", new byte[32], Instant.now().plusSeconds(86_400));
    private final String token = codec.mint(claims, "ann@example.org", "/app/sticky-uploads/default");

    @Benchmark
    public String mint() {
        return codec.mint(claims, "ann@example.org", "/app/sticky-uploads/default");
    }

    @Benchmark
    public TokenCheck verify() {
        return codec.verify(token, "ann@example.org", "/app/sticky-uploads/default", Instant.now());
    }
}
