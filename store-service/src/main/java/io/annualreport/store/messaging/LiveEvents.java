package io.annualreport.store.messaging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportFailedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.store.agency.AgencyMatcher;
import io.annualreport.store.agency.RegionReading;
import io.annualreport.store.persistence.AgencyStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The live feed of stored validations and failures, correct with any number of store replicas: the replica that
 * stored an event announces it with PostgreSQL {@code NOTIFY} (after its write committed), and every replica
 * {@code LISTEN}s on one dedicated connection and broadcasts what it hears to its own SSE subscribers. Each browser
 * therefore sees every report, whichever pod it is connected to and whichever pod consumed the record. Also records
 * the submission-to-verdict latency of each stored verdict.
 */
@ApplicationScoped
public class LiveEvents {

    /** The PostgreSQL notification channel shared by the replicas. */
    static final String CHANNEL = "report_live_events";

    private final BroadcastProcessor<LiveEvent> processor = BroadcastProcessor.create();

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    AgencyStore agencies;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private volatile boolean running = true;
    private Thread listener;

    void onStart(@Observes StartupEvent event) {
        listener = new Thread(this::listen, "live-events-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    void onStored(@Observes StoredEvent stored) {
        LiveEvent live = null;
        if (stored.event() instanceof ReportValidatedEvent v) {
            live = new LiveEvent("validated", v.reportId(), v.eventId().toString(), v.occurredAt(),
                    v.verdict() != null ? v.verdict().name() : null,
                    v.identity() != null ? v.identity().agency() : null,
                    v.identity() != null ? v.identity().year() : null,
                    v.counts() != null ? v.counts().errors() : null,
                    v.counts() != null ? v.counts().warnings() : null, v.rulesetVersion(), null, null,
                    regionCode(v.reportId(), v.identity() != null ? v.identity().agency() : null));
            recordLatency(v);
        } else if (stored.event() instanceof ReportFailedEvent f) {
            live = new LiveEvent("failed", f.reportId(), f.eventId().toString(), f.occurredAt(), null, null, null,
                    null, null, null, f.stage() != null ? f.stage().name() : null,
                    f.reason() != null ? f.reason().name() : null, regionCode(f.reportId(), null));
        }
        if (live != null) {
            announce(live);
        }
    }

    /** The live events from now on. */
    public Multi<LiveEvent> stream() {
        return processor;
    }

    private void announce(LiveEvent live) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, EventCodec.mapper().writeValueAsString(live));
            notify.execute();
        } catch (Exception e) {
            Log.warnf("reportId=%s live event not announced to the other replicas (%s); shown here only",
                    live.reportId(), e.getMessage());
            broadcast(live);
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        try {
                            broadcast(EventCodec.mapper().readValue(n.getParameter(), LiveEvent.class));
                        } catch (Exception e) {
                            Log.warnf("ignored a live event that is not one: %s", e.getMessage());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    Log.warnf("live event listener lost PostgreSQL (%s); reconnecting", e.getMessage());
                    sleep(Duration.ofSeconds(2));
                }
            }
        }
    }

    private void broadcast(LiveEvent live) {
        synchronized (processor) {
            processor.onNext(live);
        }
    }

    /** The stored report's region code (its agency's region in the registry), null when it has none. */
    /**
     * The report's division as stored with it, or, where its parse run is not stored yet (the validated event read
     * first by store's other consumer), the one its agency's name reads in the directory of divisions.
     */
    private String regionCode(String reportId, String agency) {
        String stored = storedRegionCode(reportId);
        if (stored != null || agency == null || agency.isBlank()) {
            return stored;
        }
        List<RegionReading> readings = agencies.regions().read(AgencyMatcher.fold(agency));
        return readings.size() == 1 ? readings.get(0).regionCode() : null;
    }

    private String storedRegionCode(String reportId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection
                        .prepareStatement("select region_code from report where report_id = ?")) {
            query.setString(1, reportId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            Log.debugf("reportId=%s region not read for the live feed: %s", reportId, e.getMessage());
            return null;
        }
    }

    private void recordLatency(ReportValidatedEvent v) {
        if (v.occurredAt() == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection
                        .prepareStatement("select submitted_at from report where report_id = ?")) {
            query.setString(1, v.reportId());
            try (ResultSet rs = query.executeQuery()) {
                Timestamp submitted = rs.next() ? rs.getTimestamp(1) : null;
                if (submitted != null && !submitted.toInstant().isAfter(v.occurredAt())) {
                    Timer.builder("pipeline.submission.to.verdict")
                            .description("From the upload's acceptance to its stored verdict")
                            .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(100))
                            .maximumExpectedValue(Duration.ofHours(2)).register(registry)
                            .record(Duration.between(submitted.toInstant(), v.occurredAt()));
                }
            }
        } catch (SQLException e) {
            Log.debugf("reportId=%s latency not recorded: %s", v.reportId(), e.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One validation or failure as sent on the SSE stream. */
    public record LiveEvent(String type, String reportId, String eventId, Instant occurredAt, String verdict,
            String agency, Integer year, Integer errors, Integer warnings, String rulesetVersion, String stage,
            String reason, String regionCode) {

        /** Whether a user limited to these region prefixes (empty: not limited) may see the event. */
        public boolean visibleWithin(Optional<List<String>> prefixes) {
            return "connected".equals(type) || prefixes.isEmpty()
                    || regionCode != null && prefixes.get().stream().anyMatch(regionCode::startsWith);
        }
    }
}
