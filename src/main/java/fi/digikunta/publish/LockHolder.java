package fi.digikunta.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Who holds (or held) the output lock: written into the lock file as one JSON object.
 *
 * @param pid the process id
 * @param host the host name the process runs on (a pid means nothing on another host)
 * @param started when the run took the lock
 */
public record LockHolder(long pid, String host, Instant started) {

    /** This process, now. */
    static LockHolder current(Instant now) {
        return new LockHolder(ProcessHandle.current().pid(), hostName(), now);
    }

    /** True when the holder is this host and its pid is not a live process any more. */
    boolean deadOnThisHost() {
        return pid > 0 && host.equalsIgnoreCase(hostName()) && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** "pid 4242, host kone, alkoi/started 2026-03-01T02:00:00Z" style text for messages. */
    String describe() {
        return "pid " + pid + ", host " + host + ", " + (started == null ? "?" : started.toString());
    }

    /**
     * The host name without a network lookup: the environment on Windows, the kernel's name on
     * Linux, the local resolver only as a last resort.
     */
    static String hostName() {
        String env = System.getenv("COMPUTERNAME");
        if (env != null && !env.isBlank()) {
            return env.trim().toLowerCase(Locale.ROOT);
        }
        for (String f : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            try {
                String s = Files.readString(Path.of(f)).trim();
                if (!s.isEmpty()) {
                    return s.toLowerCase(Locale.ROOT);
                }
            } catch (IOException | RuntimeException e) {
                // try the next source
            }
        }
        env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim().toLowerCase(Locale.ROOT);
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "localhost";
        }
    }
}
