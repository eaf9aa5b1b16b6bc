package io.weatherstation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Weather Station: scheduler and worker in one process. */
@SpringBootApplication
public class WeatherStationApplication {

    public static void main(String[] args) {
        SpringApplication.run(WeatherStationApplication.class, args);
    }
}
