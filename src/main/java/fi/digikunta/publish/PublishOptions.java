package fi.digikunta.publish;

import fi.digikunta.history.HistoryFolder;
import fi.digikunta.schema.Lang;
import java.time.Clock;
import java.util.Objects;

/**
 * How to publish.
 *
 * @param historyKeep how many report.json files {@code history/} keeps (0: no history)
 * @param mode how the set is switched into place; {@link Mode#AUTO} everywhere but in tests
 * @param lang the language of run-failure messages
 */
public record PublishOptions(int historyKeep, Mode mode, Lang lang, Clock clock) {
    public static final PublishOptions DEFAULT =
            new PublishOptions(HistoryFolder.DEFAULT_KEEP, Mode.AUTO, Lang.FI, Clock.systemUTC());

    public PublishOptions {
        if (historyKeep < 0) {
            throw new IllegalArgumentException("historyKeep must be 0 or more: " + historyKeep);
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(clock, "clock");
    }

    public PublishOptions withHistoryKeep(int keep) {
        return new PublishOptions(keep, mode, lang, clock);
    }

    public PublishOptions withLang(Lang l) {
        return new PublishOptions(historyKeep, mode, l, clock);
    }

    public PublishOptions withMode(Mode m) {
        return new PublishOptions(historyKeep, m, lang, clock);
    }

    public enum Mode {
        /** LINK where symbolic links can be made, else SWAP. */
        AUTO,
        /** --out is a symbolic link to the current set, replaced by one atomic rename. */
        LINK,
        /** --out is a real folder, replaced by two renames; recovered at the next start if cut between. */
        SWAP
    }
}
