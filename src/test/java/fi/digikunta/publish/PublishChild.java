package fi.digikunta.publish;

import fi.digikunta.model.RunFailure;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A separate JVM for the process-level tests of the publisher (started by {@link ChildProcess}).
 *
 * <pre>
 * hold    OUT                      take the lock, print "locked PID", wait to be killed
 * publish OUT RUNID FILES SLEEPMS [MODE]  publish a fake set slowly; print "written" when the
 *                                  writer is done and "published" at the end; exit 3 on a RunFailure
 * </pre>
 */
public final class PublishChild {
    private PublishChild() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path out = Path.of(args[1]);
        try {
            if (args[0].equals("hold")) {
                OutputPublisher p = OutputPublisher.open(out, PublishOptions.DEFAULT);
                System.out.println("locked " + ProcessHandle.current().pid());
                System.out.flush();
                Thread.sleep(120_000);
                p.close();
                return;
            }
            PublishOptions o = PublishOptions.DEFAULT
                    .withMode(args.length > 5 ? PublishOptions.Mode.valueOf(args[5]) : PublishOptions.Mode.AUTO);
            try (OutputPublisher p = OutputPublisher.open(out, o)) {
                System.out.println("open");
                System.out.flush();
                p.publish(FakeReportSet.writer(args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]), () -> {
                    System.out.println("written");
                    System.out.flush();
                }));
                System.out.println("published");
                System.out.flush();
            }
        } catch (RunFailure f) {
            System.err.println("digikunta: " + f.getMessage());
            System.exit(3);
        }
    }
}
