package cn.hxay.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the zero-setup embedded PostgreSQL, used only when no
 * {@code spring.datasource.url} is given.
 *
 * @param dataDirectory where the cluster lives; kept across restarts unless {@code clean}
 * @param clean wipe the data directory at start (tests only)
 * @param durable fsync and synchronous commit on (the runtime default); tests turn it off
 * for speed
 * @param port fixed port, or 0 for any free one
 * @param workingDirectory where the PostgreSQL binaries are unpacked
 * @param connectionTimeout how long a caller waits for a connection before failing
 * @param settings more server settings, e.g.
 * {@code hxay.embedded-database.settings.shared_preload_libraries=pg_stat_statements}
 */
@ConfigurationProperties("hxay.embedded-database")
record EmbeddedDatabaseProperties(String dataDirectory, boolean clean, Boolean durable, int port,
		String workingDirectory, java.time.Duration connectionTimeout, java.util.Map<String, String> settings) {

	EmbeddedDatabaseProperties {
		dataDirectory = dataDirectory == null ? "./data/pg" : dataDirectory;
		durable = durable == null ? Boolean.TRUE : durable;
		workingDirectory = workingDirectory == null ? "./data/pg-binaries" : workingDirectory;
		connectionTimeout = connectionTimeout == null ? java.time.Duration.ofSeconds(30) : connectionTimeout;
		settings = settings == null ? java.util.Map.of() : java.util.Map.copyOf(settings);
	}

}
