package io.github.stickyuploads.internal.store;

import io.github.stickyuploads.internal.token.TokenRefusal;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The tokens one request carried that gave no file, counted by reason and logged as one line (never with a
 * token), however many there were: a forged form with thousands of values costs one line. The line is a WARNING
 * when any reason is {@linkplain TokenRefusal.Concern#SUSPICIOUS suspicious}, else INFO: an expired form or a
 * file removed twice is everyday use, not something to alert on.
 */
public final class TokenRefusals {

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");

    private final Map<TokenRefusal, Integer> counts = new EnumMap<>(TokenRefusal.class);

    /**
     * @param refusal why one token gave no file
     * @param tokens how many tokens were refused for it
     */
    public synchronized void add(TokenRefusal refusal, int tokens) {
        if (tokens > 0) {
            counts.merge(refusal, tokens, Integer::sum);
        }
    }

    /** @return how many tokens were refused */
    public synchronized int count() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Logs the refusals, if any, and forgets them.
     *
     * @param where what read the tokens, e.g. the endpoint's path
     * @param user who sent them, or null
     */
    public synchronized void log(String where, String user) {
        if (counts.isEmpty()) {
            return;
        }
        int total = count();
        String reasons = counts.entrySet().stream().map(entry -> entry.getValue() + " because " + entry.getKey().reason())
                .collect(Collectors.joining(", "));
        Level level = counts.keySet().stream().anyMatch(refusal -> refusal.concern() == TokenRefusal.Concern.SUSPICIOUS)
                ? Level.WARNING : Level.INFO;
        LOG.log(level, () -> "Ignoring " + (total == 1 ? "a sticky-upload token" : total + " sticky-upload tokens") + " read for "
                + where + (user == null ? "" : " by " + user) + ": " + reasons);
        counts.clear();
    }
}
