package io.annualreport.store.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.annualreport.store.persistence.StoreException;

/** The {@code job} table: creates jobs, records each acknowledged batch with its cursor, and finds jobs to resume. */
@ApplicationScoped
public class JobStore {

    private static final String COLUMNS = "job_id, kind, filter, state, total, done, failed, cursor, last_error,"
            + " created_at, updated_at, finished_at";

    private final DataSource dataSource;

    public JobStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new running job, created at the database's clock (the cut-off of the reports it visits). */
    public Job create(UUID jobId, String kind, String filter) {
        update("insert into job (job_id, kind, filter, state, total) values (?, ?, ?, ?, 0)", jobId, kind, filter,
                Job.RUNNING);
        return find(jobId).orElseThrow();
    }

    /** Sets how many reports the job will visit. */
    public Job total(UUID jobId, int total) {
        update("update job set total = ? where job_id = ?", total, jobId);
        return find(jobId).orElseThrow();
    }

    /** The job, or empty when there is none with this id. */
    public Optional<Job> find(UUID jobId) {
        List<Job> jobs = select("select " + COLUMNS + " from job where job_id = ?", jobId);
        return jobs.stream().findFirst();
    }

    /** The most recent jobs, newest first. */
    public List<Job> recent(int limit) {
        return select("select " + COLUMNS + " from job order by created_at desc limit ?", limit);
    }

    /** The jobs still running, oldest first: those to resume after a restart. */
    public List<Job> running() {
        return select("select " + COLUMNS + " from job where state = ? order by created_at", Job.RUNNING);
    }

    /**
     * Takes the running job for {@code owner} for {@code lease} seconds, unless another process holds it; answers
     * whether it did.
     */
    public boolean claim(UUID jobId, String owner, int lease) {
        return update("update job set owner = ?, lease_until = now() + ? * interval '1 second' where job_id = ?"
                + " and state = 'RUNNING' and (owner is null or owner = ? or lease_until < now())", owner, lease,
                jobId, owner) == 1;
    }

    /**
     * Records an acknowledged batch: the new cursor and the counts, in one statement, and renews the lease; answers
     * the job's state afterwards ({@link Job#CANCELLED} when an admin cancelled it meanwhile: the batch, already sent,
     * is still counted), or empty when {@code owner} no longer holds the job (nothing is written then).
     */
    public Optional<String> advance(UUID jobId, String owner, int lease, String cursor, int done, int failed) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("update job set"
                        + " cursor = ?, done = done + ?, failed = failed + ?, last_error = null, updated_at = now(),"
                        + " lease_until = now() + ? * interval '1 second' where job_id = ? and owner = ? returning state")) {
            bind(ps, cursor, done, failed, lease, jobId, owner);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot write the job table", e);
        }
    }

    /**
     * Notes why the job is waiting (the broker or the database away) and renews the lease; it goes on by itself.
     * Answers false when the job is no longer this owner's to run (cancelled or taken over).
     */
    public boolean note(UUID jobId, String owner, int lease, String error) {
        return update("update job set last_error = ?, updated_at = now(), lease_until = now() + ? * interval"
                + " '1 second' where job_id = ? and owner = ? and state = 'RUNNING'", error, lease, jobId, owner) == 1;
    }

    /**
     * Cancels a running job: its state becomes {@link Job#CANCELLED} at once; the process that runs it stops after the
     * batch in flight (which it still counts). Answers false when the job is not running (done, failed, cancelled or
     * unknown).
     */
    public boolean cancel(UUID jobId) {
        return update("update job set state = ?, updated_at = now(), finished_at = now(), lease_until = null"
                + " where job_id = ? and state = ?", Job.CANCELLED, jobId, Job.RUNNING) == 1;
    }

    /** Lets another process take the job at once (this one stops). */
    public void release(UUID jobId, String owner) {
        update("update job set owner = null, lease_until = null where job_id = ? and owner = ?", jobId, owner);
    }

    /** Ends the running job in {@code state} (a job cancelled meanwhile stays cancelled). */
    public void finish(UUID jobId, String owner, String state, String error) {
        update("update job set state = ?, last_error = ?, updated_at = now(), finished_at = now(), owner = null,"
                + " lease_until = null where job_id = ? and owner = ? and state = 'RUNNING'", state, error, jobId,
                owner);
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, parameters);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot write the job table", e);
        }
    }

    private List<Job> select(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, parameters);
            List<Job> jobs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9),
                            instant(rs, 10), instant(rs, 11), instant(rs, 12)));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new StoreException("cannot read the job table", e);
        }
    }

    private static void bind(PreparedStatement ps, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t != null ? t.toInstant() : null;
    }
}
