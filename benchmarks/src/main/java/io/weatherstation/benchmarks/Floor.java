package io.weatherstation.benchmarks;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * The floor under the distributed engine's figures, measured in the same run against the same
 * servers: what one RabbitMQ message and one Redis command cost with nothing of the engine in
 * between. The RabbitMQ trip is sent the way the engine sends signals and tasks: persistent, to a
 * quorum queue, the publisher waiting for the broker's confirm, the consumer acknowledging by hand.
 */
final class Floor {

    /**
     * @param rabbitPerSecond messages published (persistent, quorum queue, each publisher waiting
     *                        for its confirm) and consumed per second with {@link #PARALLEL}
     *                        publishers at once: the most messages a second the broker takes
     *                        on this machine the way the engine sends them
     * @param redisPerSecond  GET commands per second with {@link #PARALLEL} callers at once on one
     *                        connection, as the engine shares one
     */
    record Figures(Histogram publishToConsume, Histogram publishToConfirm, Histogram redisRoundTrip,
            double rabbitPerSecond, double redisPerSecond) {
    }

    /** Callers at once in the throughput floors: the cycles the throughput shapes keep in flight. */
    static final int PARALLEL = 64;

    private Floor() {
    }

    static Figures measure(BenchStation station, int trips) throws Exception {
        int warmup = Math.max(1, trips / 10);
        Histogram[] rabbit = rabbit(station, warmup, trips);
        Histogram redis = redis(station, warmup, trips);
        return new Figures(rabbit[0], rabbit[1], redis, rabbitThroughput(station, trips * 10),
                redisThroughput(station, trips * 100));
    }

    /**
     * {@link #PARALLEL} publishers on virtual threads, each with its own channel, each sending a
     * persistent message to a quorum queue and waiting for its confirm before the next; one
     * consumer acknowledging by hand. Messages a second from the first publish to the last delivery.
     */
    private static double rabbitThroughput(BenchStation station, int messages) throws Exception {
        String queue = BenchStation.amqpPrefix(station.runId) + "floor-throughput";
        CountDownLatch delivered = new CountDownLatch(messages);
        AtomicInteger left = new AtomicInteger(messages);
        try (Connection connection = station.rabbitConnectionFactory().newConnection("bench-floor-throughput")) {
            Channel consumer = connection.createChannel();
            consumer.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
            try {
                consumer.basicQos(PARALLEL);
                consumer.basicConsume(queue, false, (tag, delivery) -> {
                    consumer.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
                    delivered.countDown();
                }, tag -> { });
                byte[] body = new byte[512];
                long started = System.nanoTime();
                List<Future<?>> publishing = new ArrayList<>();
                try (var publishers = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int p = 0; p < PARALLEL; p++) {
                        publishing.add(publishers.submit(() -> {
                            Channel channel = connection.createChannel();
                            channel.confirmSelect();
                            while (left.getAndDecrement() > 0) {
                                channel.basicPublish("", queue, true, MessageProperties.PERSISTENT_BASIC, body);
                                channel.waitForConfirmsOrDie(10_000);
                            }
                            channel.close();
                            return null;
                        }));
                    }
                }
                for (Future<?> publisher : publishing) {
                    publisher.get(); // a publisher's failure ends the measurement with its cause
                }
                if (!delivered.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the throughput floor's messages were not all delivered within 60 s");
                }
                return messages / ((System.nanoTime() - started) / 1e9);
            } finally {
                consumer.queueDelete(queue);
            }
        }
    }

    /** {@link #PARALLEL} virtual threads sending GETs over one shared connection, as the engine does. */
    private static double redisThroughput(BenchStation station, int commands) throws Exception {
        String key = "bench-" + station.runId + ":floor";
        RedisClient client = station.redisClient();
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            redis.set(key, "x");
            AtomicInteger left = new AtomicInteger(commands);
            long started = System.nanoTime();
            List<Future<?>> calling = new ArrayList<>();
            try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < PARALLEL; c++) {
                    calling.add(callers.submit(() -> {
                        while (left.getAndDecrement() > 0) {
                            redis.get(key);
                        }
                    }));
                }
            }
            for (Future<?> caller : calling) {
                caller.get();
            }
            double perSecond = commands / ((System.nanoTime() - started) / 1e9);
            redis.del(key);
            return perSecond;
        } finally {
            client.shutdown();
        }
    }

    /** One message at a time: publish, await the confirm, await the delivery, then the next. */
    private static Histogram[] rabbit(BenchStation station, int warmup, int trips) throws Exception {
        String queue = BenchStation.amqpPrefix(station.runId) + "floor";
        Histogram consumed = new Histogram(3);
        Histogram confirmed = new Histogram(3);
        SynchronousQueue<Long> deliveries = new SynchronousQueue<>();
        try (Connection connection = station.rabbitConnectionFactory().newConnection("bench-floor")) {
            Channel publisher = connection.createChannel();
            Channel consumer = connection.createChannel();
            publisher.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
            try {
                publisher.confirmSelect();
                consumer.basicQos(64);
                consumer.basicConsume(queue, false, (tag, delivery) -> {
                    long arrived = System.nanoTime();
                    consumer.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
                    long sent = ByteBuffer.wrap(delivery.getBody()).getLong();
                    try {
                        deliveries.put(arrived - sent);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, tag -> { });
                AMQP.BasicProperties persistent = MessageProperties.PERSISTENT_BASIC;
                for (int i = 0; i < warmup + trips; i++) {
                    long sent = System.nanoTime();
                    publisher.basicPublish("", queue, true, persistent, ByteBuffer.allocate(8).putLong(sent).array());
                    publisher.waitForConfirmsOrDie(10_000);
                    long confirmedAt = System.nanoTime();
                    Long latency = deliveries.poll(10, TimeUnit.SECONDS);
                    if (latency == null) {
                        throw new IllegalStateException("the floor message was not delivered within 10 s");
                    }
                    if (i >= warmup) {
                        consumed.recordValue(latency);
                        confirmed.recordValue(confirmedAt - sent);
                    }
                }
            } finally {
                publisher.queueDelete(queue);
            }
        }
        return new Histogram[] {consumed, confirmed};
    }

    /** One command at a time: GET of a key of this run (a round trip and nothing more). */
    private static Histogram redis(BenchStation station, int warmup, int trips) {
        Histogram roundTrips = new Histogram(3);
        String key = "bench-" + station.runId + ":floor";
        RedisClient client = station.redisClient();
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            redis.set(key, "x");
            try {
                for (int i = 0; i < warmup + trips; i++) {
                    long sent = System.nanoTime();
                    redis.get(key);
                    long took = System.nanoTime() - sent;
                    if (i >= warmup) {
                        roundTrips.recordValue(took);
                    }
                }
            } finally {
                redis.del(key);
            }
        } finally {
            client.shutdown();
        }
        return roundTrips;
    }
}
