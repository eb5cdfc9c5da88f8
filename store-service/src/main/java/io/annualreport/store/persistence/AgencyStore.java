package io.annualreport.store.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.annualreport.store.agency.AgencyMatch;
import io.annualreport.store.agency.AgencyMatcher;
import io.annualreport.store.agency.KnownAgency;
import io.annualreport.store.agency.MatchBasis;
import io.annualreport.store.agency.Region;
import io.annualreport.store.agency.RegionDirectory;

/**
 * The agency registry in PostgreSQL: the division table, agencies and their aliases, the match of each report, and
 * the audit of merges and splits. Matching itself is {@link AgencyMatcher}'s; this class reads and records.
 */
@ApplicationScoped
public class AgencyStore {

    /** Serializes matching, so that two reports of one new agency never register it twice. */
    private static final long MATCH_LOCK = 0x41474e4359L;

    private final DataSource dataSource;
    private final RegionDirectory regions = RegionDirectory.load();
    private final AgencyMatcher matcher = new AgencyMatcher(regions);

    public AgencyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The division table the registry reads names with. */
    public RegionDirectory regions() {
        return regions;
    }

    /** Loads the vendored division table into {@code region} when it is not there yet. */
    @Transactional
    public int loadRegions() {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement count = c.prepareStatement("select count(*) from region");
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                if (rs.getInt(1) == regions.size()) {
                    return 0;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into region (code, name, level, parent_code) values (?, ?, ?, ?)
                    on conflict (code) do update set name = excluded.name, level = excluded.level,
                        parent_code = excluded.parent_code""")) {
                for (Region r : regions.all()) {
                    ps.setString(1, r.code());
                    ps.setString(2, r.name());
                    ps.setInt(3, r.level());
                    ps.setString(4, r.parentCode());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return regions.size();
        } catch (SQLException e) {
            throw new StoreException("cannot load the division table", e);
        }
    }

    /** A report's link to its agency. */
    public record Link(long agencyId, String reportId, Integer year, MatchBasis basis, double confidence,
            boolean newlyLinked) {
    }

    /**
     * Attaches a stored report to its canonical agency, registering a new agency and the report's names as aliases
     * when needed; empty when the report names no agency yet (not parsed, or no agency read or declared).
     */
    @Transactional
    public Optional<Link> link(String reportId) {
        try (Connection c = dataSource.getConnection()) {
            String printed;
            String full;
            String declared;
            Integer year;
            try (PreparedStatement ps = c.prepareStatement("""
                    select r.agency, p.identity->>'agencyFull', r.declared_agency, r.report_year, r.agency_id,
                           r.agency_match_basis, r.agency_match_confidence
                    from report r left join processing_run p on p.id = r.current_parse_run_id
                    where r.report_id = ?""")) {
                ps.setString(1, reportId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    year = (Integer) rs.getObject(4);
                    Long linked = (Long) rs.getObject(5);
                    if (linked != null) {
                        BigDecimal confidence = rs.getBigDecimal(7);
                        return Optional.of(new Link(linked, reportId, year, basis(rs.getString(6)),
                                confidence == null ? 1 : confidence.doubleValue(), false));
                    }
                    printed = rs.getString(1);
                    full = rs.getString(2);
                    declared = rs.getString(3);
                }
            }
            if (printed == null && declared == null) {
                return Optional.empty();
            }
            // only the matching of a report not linked yet is serialized (linked reports answer above, unlocked)
            lock(c);
            Optional<AgencyMatch> matched = matcher.match(new AgencyMatcher.Names(printed, full, declared),
                    registry(c));
            if (matched.isEmpty()) {
                return Optional.empty();
            }
            AgencyMatch match = matched.get();
            long agencyId = match.isNew() ? insertAgency(c, match) : match.agencyId();
            addAliases(c, agencyId, match.aliases(),
                    match.basis() == MatchBasis.DECLARED_NAME ? "DECLARED" : "PRINTED");
            try (PreparedStatement ps = c.prepareStatement("""
                    update report set agency_id = ?, agency_match_basis = ?, agency_match_confidence = ?,
                        region_code = (select region_code from agency where agency_id = ?)
                    where report_id = ? and agency_id is null""")) {
                ps.setLong(1, agencyId);
                ps.setString(2, match.basis().name());
                ps.setBigDecimal(3, BigDecimal.valueOf(match.confidence()));
                ps.setLong(4, agencyId);
                ps.setString(5, reportId);
                ps.executeUpdate();
            }
            return Optional.of(new Link(agencyId, reportId, year, match.basis(), match.confidence(), true));
        } catch (SQLException e) {
            throw new StoreException("cannot link report " + reportId + " to its agency", e);
        }
    }

    /** The agency a report's names resolve to, without registering anything; empty when none is known. */
    public Optional<AgencyMatch> resolve(String printed, String full) {
        try (Connection c = dataSource.getConnection()) {
            return matcher.match(new AgencyMatcher.Names(printed, full, null), registry(c)).filter(m -> !m.isNew());
        } catch (SQLException e) {
            throw new StoreException("cannot resolve agency " + printed, e);
        }
    }

    /** Why a merge, split or alias change was refused. */
    public static final class RefusedException extends RuntimeException {
        private final String code;

        public RefusedException(String code, String message) {
            super(message);
            this.code = code;
        }

        /** The error code of the API. */
        public String code() {
            return code;
        }
    }

    /**
     * Merges agency {@code from} into {@code into}: its reports and aliases move, it stays as a pointer to the
     * survivor; audited.
     */
    @Transactional
    public void merge(long into, long from, String actor) {
        if (into == from) {
            throw new RefusedException("SAME_AGENCY", "an agency cannot be merged into itself");
        }
        try (Connection c = dataSource.getConnection()) {
            lock(c);
            requireLive(c, into);
            requireLive(c, from);
            update(c, "update report set agency_id = ?, agency_match_basis = 'MANUAL', agency_match_confidence = 1"
                    + " where agency_id = ?", into, from);
            update(c, "update agency_alias set agency_id = ? where agency_id = ?", into, from);
            update(c, "update agency set merged_into = ? where agency_id = ?", into, from);
            audit(c, actor, "MERGE", into, from, "{}");
        } catch (SQLException e) {
            throw new StoreException("cannot merge agency " + from + " into " + into, e);
        }
    }

    /**
     * Splits reports off an agency into a new agency of the given name (in the same division unless its name reads
     * another); the aliases listed move with them; audited. Returns the new agency's id.
     */
    @Transactional
    public long split(long from, List<String> reportIds, String name, List<String> aliases, String actor) {
        if (reportIds == null || reportIds.isEmpty() || name == null || name.isBlank()) {
            throw new RefusedException("SPLIT_INCOMPLETE", "a split needs the reports to move and the new name");
        }
        try (Connection c = dataSource.getConnection()) {
            lock(c);
            requireLive(c, from);
            String folded = AgencyMatcher.fold(name);
            List<io.annualreport.store.agency.RegionReading> readings = regions.read(folded);
            String regionCode = readings.size() == 1 ? readings.get(0).regionCode() : null;
            String body = readings.size() == 1 ? readings.get(0).remainder() : folded;
            if (regionCode == null) {
                try (PreparedStatement ps = c.prepareStatement("select region_code from agency where agency_id = ?")) {
                    ps.setLong(1, from);
                    try (ResultSet rs = ps.executeQuery()) {
                        regionCode = rs.next() ? rs.getString(1) : null;
                    }
                }
            }
            AgencyMatch fresh = new AgencyMatch(null, MatchBasis.MANUAL, 1, name.strip(), regionCode, body,
                    io.annualreport.store.agency.AgencyKind.of(body), List.of());
            long created = insertAgency(c, fresh);
            int moved = 0;
            for (String reportId : reportIds) {
                try (PreparedStatement ps = c.prepareStatement("""
                        update report set agency_id = ?, agency_match_basis = 'MANUAL', agency_match_confidence = 1
                        where agency_id = ? and report_id = ?""")) {
                    ps.setLong(1, created);
                    ps.setLong(2, from);
                    ps.setString(3, reportId);
                    moved += ps.executeUpdate();
                }
            }
            if (moved != reportIds.size()) {
                throw new RefusedException("NOT_THE_AGENCYS_REPORTS",
                        "only reports of agency " + from + " can be split off it");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "update agency_alias set agency_id = ? where agency_id = ? and alias = ?")) {
                for (String alias : aliases == null ? List.<String>of() : aliases) {
                    ps.setLong(1, created);
                    ps.setLong(2, from);
                    ps.setString(3, AgencyMatcher.fold(alias));
                    ps.executeUpdate();
                }
            }
            addAliases(c, created, List.of(folded), "MANUAL");
            audit(c, actor, "SPLIT", from, created, io.annualreport.model.event.EventCodec.mapper()
                    .createObjectNode().put("name", name.strip()).set("reportIds",
                            io.annualreport.model.event.EventCodec.mapper().valueToTree(reportIds))
                    .toString());
            return created;
        } catch (SQLException e) {
            throw new StoreException("cannot split agency " + from, e);
        }
    }

    /** Adds a name the agency is known by (e.g. its name before an institutional reform); audited. */
    @Transactional
    public void addAlias(long agencyId, String alias, String actor) {
        String folded = AgencyMatcher.fold(alias);
        if (folded.isEmpty()) {
            throw new RefusedException("ALIAS_EMPTY", "the alias is empty");
        }
        try (Connection c = dataSource.getConnection()) {
            lock(c);
            requireLive(c, agencyId);
            try (PreparedStatement ps = c.prepareStatement("select agency_id from agency_alias where alias = ?")) {
                ps.setString(1, folded);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) != agencyId) {
                        throw new RefusedException("ALIAS_TAKEN",
                                "the name " + folded + " already belongs to agency " + rs.getLong(1));
                    }
                }
            }
            addAliases(c, agencyId, List.of(folded), "MANUAL");
            audit(c, actor, "ALIAS", agencyId, null, io.annualreport.model.event.EventCodec.mapper()
                    .createObjectNode().put("alias", folded).toString());
        } catch (SQLException e) {
            throw new StoreException("cannot add an alias to agency " + agencyId, e);
        }
    }

    private static void requireLive(Connection c, long agencyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select merged_into from agency where agency_id = ?")) {
            ps.setLong(1, agencyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new RefusedException("NO_SUCH_AGENCY", "no agency " + agencyId);
                }
                if (rs.getObject(1) != null) {
                    throw new RefusedException("AGENCY_MERGED",
                            "agency " + agencyId + " was merged into " + rs.getLong(1));
                }
            }
        }
    }

    private static void update(Connection c, String sql, long a, long b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, a);
            ps.setLong(2, b);
            ps.executeUpdate();
        }
    }

    private static void audit(Connection c, String actor, String action, long agencyId, Long otherId,
            String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into agency_audit (actor, action, agency_id, other_id, detail) values (?, ?, ?, ?, ?::jsonb)")) {
            ps.setString(1, actor);
            ps.setString(2, action);
            ps.setLong(3, agencyId);
            if (otherId == null) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, otherId);
            }
            ps.setString(5, detail);
            ps.executeUpdate();
        }
    }

    private static MatchBasis basis(String name) {
        try {
            return name == null ? MatchBasis.MANUAL : MatchBasis.valueOf(name);
        } catch (IllegalArgumentException e) {
            return MatchBasis.MANUAL;
        }
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, MATCH_LOCK);
            ps.execute();
        }
    }

    private long insertAgency(Connection c, AgencyMatch match) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into agency (name, kind, region_code, region_level, body) values (?, ?, ?, ?, ?)
                returning agency_id""")) {
            ps.setString(1, match.name());
            ps.setString(2, match.kind().name());
            ps.setString(3, match.regionCode());
            Integer level = regions.byCode(match.regionCode()).map(Region::level).orElse(null);
            if (level == null) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setInt(4, level);
            }
            ps.setString(5, match.body());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void addAliases(Connection c, long agencyId, List<String> aliases, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into agency_alias (alias, agency_id, kind) values (?, ?, ?) on conflict (alias) do nothing")) {
            for (String alias : aliases) {
                ps.setString(1, alias);
                ps.setLong(2, agencyId);
                ps.setString(3, kind);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The registry as the matcher reads it, over one connection; merged agencies resolve to their survivor. */
    private static AgencyMatcher.Registry registry(Connection c) {
        return new AgencyMatcher.Registry() {
            @Override
            public Optional<Long> agencyOfAlias(String folded) {
                try (PreparedStatement ps = c.prepareStatement("select agency_id from agency_alias where alias = ?")) {
                    ps.setString(1, folded);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                    }
                } catch (SQLException e) {
                    throw new StoreException("cannot read agency aliases", e);
                }
            }

            @Override
            public Optional<KnownAgency> agency(long id) {
                try (PreparedStatement ps = c.prepareStatement(
                        """
                                with recursive chain(id, merged_into, depth) as (
                                    select agency_id, merged_into, 0 from agency where agency_id = ?
                                    union all select a.agency_id, a.merged_into, chain.depth + 1 from agency a
                                    join chain on a.agency_id = chain.merged_into where chain.depth < 20)
                                select a.agency_id, a.name, a.region_code, a.body from chain join agency a on a.agency_id = chain.id
                                where a.merged_into is null""")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(known(rs)) : Optional.empty();
                    }
                } catch (SQLException e) {
                    throw new StoreException("cannot read agency " + id, e);
                }
            }

            @Override
            public List<KnownAgency> inRegions(Set<String> regionCodes) {
                try (PreparedStatement ps = c.prepareStatement("""
                        select agency_id, name, region_code, body from agency
                        where region_code = any(?) and merged_into is null order by agency_id""")) {
                    ps.setArray(1, c.createArrayOf("varchar", regionCodes.toArray()));
                    List<KnownAgency> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(known(rs));
                        }
                    }
                    return out;
                } catch (SQLException e) {
                    throw new StoreException("cannot read the agencies of " + regionCodes, e);
                }
            }
        };
    }

    private static KnownAgency known(ResultSet rs) throws SQLException {
        return new KnownAgency(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }
}
