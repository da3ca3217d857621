package fi.digikunta.cli;

/**
 * Process-wide settings made once before any command runs. POI logs through log4j-api; with no
 * logging back end log4j would print a warning on stderr, so it is pointed at its simple logger,
 * switched off: every problem the tool meets is reported as a finding or an outcome instead.
 */
final class ProcessSettings {
    private static volatile boolean done;

    private ProcessSettings() {
    }

    static synchronized void init() {
        if (done) {
            return;
        }
        setIfAbsent("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        setIfAbsent("log4j2.simplelogLevel", "OFF");
        setIfAbsent("log4j2.statusLoggerLevel", "OFF");
        setIfAbsent("java.awt.headless", "true");
        done = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
