package io.weatherstation.shared.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.execution.application.RunningTasks;
import io.weatherstation.execution.application.port.out.CycleRepository;
import io.weatherstation.execution.application.port.out.CycleSetups;
import io.weatherstation.execution.application.port.out.NodeTaskRepository;
import io.weatherstation.execution.application.port.out.TaskInbox;
import io.weatherstation.execution.application.port.out.TerminationFlags;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.flow.application.port.out.TickClaims;
import io.weatherstation.flow.domain.CronSyntax;
import io.weatherstation.testing.FixtureCronSyntax;
import io.weatherstation.testing.FixtureNodeTypes;
import io.weatherstation.workers.application.port.out.WorkerDirectory;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** The Redis adapters wire themselves in the distributed mode, and only there. */
class RedisWiringTest {

    private final RedisTestSupport redis = RedisTestSupport.open();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
            .withUserConfiguration(Station.class)
            .withPropertyValues("station.redis.key-prefix=" + redis.keyspace().prefix(),
                    "spring.data.redis.host=" + io.weatherstation.testing.infra.TestInfrastructure.redis().host(),
                    "spring.data.redis.port=" + io.weatherstation.testing.infra.TestInfrastructure.redis().port());

    @AfterEach
    void clean() {
        redis.close();
    }

    @Test
    void every_state_port_is_served_by_redis_in_the_distributed_mode() {
        runner.withPropertyValues("station.mode=distributed").run(context -> {
            assertThat(context).hasNotFailed();
            for (Class<?> port : new Class<?>[] {FlowRepository.class, TickClaims.class, CycleRepository.class,
                    NodeTaskRepository.class, TaskInbox.class, CycleSetups.class, TerminationFlags.class,
                    WorkerDirectory.class}) {
                assertThat(context).getBean(port).extracting(bean -> bean.getClass().getSimpleName()).asString()
                        .as(port.getSimpleName()).startsWith("Redis");
            }
            assertThat(context).hasSingleBean(RedisMessageListenerContainer.class);
            assertThat(context.getBean(RedisMessageListenerContainer.class).isRunning()).isTrue();
            assertThat(context).hasSingleBean(io.weatherstation.execution.adapter.out.redis.RedisCleanup.class);
        });
    }

    @Test
    void no_redis_adapter_exists_in_the_embedded_mode() {
        runner.withPropertyValues("station.mode=embedded").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(FlowRepository.class).doesNotHaveBean(RedisKeyspace.class)
                    .doesNotHaveBean(SecretCipher.class).doesNotHaveBean("terminationListenerContainer");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = {"io.weatherstation.shared.adapter.out.redis", "io.weatherstation.flow.adapter.out.redis",
            "io.weatherstation.execution.adapter.out.redis", "io.weatherstation.workers.adapter.out.redis"})
    static class Station {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean(destroyMethod = "close")
        RunningTasks runningTasks() {
            return new RunningTasks(Duration.ofMillis(50));
        }

        @Bean
        NodeTypeCatalog catalog() {
            return FixtureNodeTypes.CATALOG;
        }

        @Bean
        CronSyntax cron() {
            return FixtureCronSyntax.INSTANCE;
        }
    }
}
