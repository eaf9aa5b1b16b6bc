package io.weatherstation.execution.adapter.out.redis;

import io.weatherstation.execution.application.RunningTasks;
import io.weatherstation.shared.adapter.out.redis.RedisKeyspace;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Subscribes this instance to the termination channel, so a stop request reaches the task wherever
 * it runs. The container is the application's one: it takes the name Spring Boot's own would have,
 * which then backs off, so the station holds a single pub/sub connection. Listeners run on virtual
 * threads.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
class RedisListenerConfiguration {

    @Bean(name = "redisMessageListenerContainer")
    RedisMessageListenerContainer terminationListenerContainer(RedisConnectionFactory connections, RedisKeyspace keyspace,
            RunningTasks running) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setTaskExecutor(listenerThreads());
        container.addMessageListener(new TerminationListener(running),
                new ChannelTopic(new ExecutionKeys(keyspace).terminationChannel()));
        return container;
    }

    /**
     * The container's default executor starts a platform thread for every message; the live event
     * wake-ups arrive for every batch of events, so each message gets a virtual thread instead.
     */
    private static SimpleAsyncTaskExecutor listenerThreads() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("redis-listener-");
        executor.setVirtualThreads(true);
        return executor;
    }
}
