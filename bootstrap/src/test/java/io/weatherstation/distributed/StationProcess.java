package io.weatherstation.distributed;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A station instance in a process of its own, on the test class path, so that a test can kill it
 * the way a machine dies ({@code SIGKILL}: no shutdown hook, no goodbye to the broker or Redis).
 */
final class StationProcess implements AutoCloseable {

    private final Process process;
    private final Path output;
    final int port;

    private StationProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Starts an instance of {@code namespace} as {@code workerId} and waits until it serves HTTP. */
    static StationProcess start(StationNamespace namespace, String workerId, Duration patience) throws Exception {
        Path output = Files.createTempFile("station-" + workerId, ".log");
        Path portFile = Files.createTempFile("station-" + workerId, ".port");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        // A short-lived station: start quickly rather than optimise for a long run.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StationProcess.class.getName());
        command.add(portFile.toString());
        command.add("--server.port=0");
        command.add("--station.worker-id=" + workerId);
        command.add("--spring.main.banner-mode=off");
        for (Map.Entry<String, String> property : namespace.properties().entrySet()) {
            command.add("--" + property.getKey() + "=" + property.getValue());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(patience).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || Files.size(portFile) > 0);
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("station process " + workerId + " did not start in " + patience
                    + ":\n" + Files.readString(output), e);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("station process " + workerId + " exited:\n" + Files.readString(output));
        }
        return new StationProcess(process, output, Integer.parseInt(Files.readString(portFile).trim()));
    }

    /** Dies at once, as on a power cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
        Files.deleteIfExists(output);
    }

    /** The child process: a station in the distributed profile that writes its HTTP port to {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        String portFile = args[0];
        String[] springArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
        ConfigurableApplicationContext context = StationInstances.application().run(springArgs);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Path temporary = Path.of(portFile + ".tmp");
        Files.writeString(temporary, Integer.toString(port));
        Files.move(temporary, Path.of(portFile), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
