package io.weatherstation.benchmarks;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The floor under the distributed engine's figures, measured in the same run against the same
 * servers: what one RabbitMQ message and one Redis command cost with nothing of the engine in
 * between. The RabbitMQ trip is sent the way the engine sends signals and tasks: persistent, to a
 * quorum queue, the publisher waiting for the broker's confirm, the consumer acknowledging by hand.
 */
final class Floor {

    record Figures(Histogram publishToConsume, Histogram publishToConfirm, Histogram redisRoundTrip) {
    }

    private Floor() {
    }

    static Figures measure(BenchStation station, int trips) throws Exception {
        int warmup = Math.max(1, trips / 10);
        Histogram[] rabbit = rabbit(station, warmup, trips);
        return new Figures(rabbit[0], rabbit[1], redis(station, warmup, trips));
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
