package io.annualreport.store.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.annualreport.store.persistence.StoreException;

/**
 * Keeps a user limited to regions ({@link RegionScope}) out of single reports of other regions: every request to a
 * {@code /api/v1/reports/{reportId}…} endpoint of such a report is answered 404 when it reads (as if the report did
 * not exist) and 403 when it writes. Runs after the resource is matched, on the endpoint's (worker) thread.
 */
public class RegionScopeFilter {

    private final RegionScope scope;
    private final DataSource dataSource;

    public RegionScopeFilter(RegionScope scope, DataSource dataSource) {
        this.scope = scope;
        this.dataSource = dataSource;
    }

    @ServerRequestFilter
    public Optional<Response> outsideTheUsersRegions(ContainerRequestContext request, UriInfo uri) {
        String reportId = uri.getPathParameters().getFirst("reportId");
        if (reportId == null || scope.prefixes().isEmpty() || !reportId.matches("[0-9a-f]{16}")) {
            return Optional.empty();
        }
        StoredReport report = find(reportId);
        if (report == null || scope.allows(report.regionCode())) {
            return Optional.empty(); // an unknown report is the resource's 404
        }
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return Optional.of(error(Response.Status.NOT_FOUND, "REPORT_NOT_FOUND", "no report with id " + reportId));
        }
        return Optional.of(error(Response.Status.FORBIDDEN, "OUTSIDE_REGIONS",
                "该报告不在当前用户负责的地区内 (the report is outside the regions of the signed-in user)"));
    }

    /** The contract's JSON error ({@code {"error":{"code","message"}}}, as the REST adapter's ApiError writes it). */
    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", Map.of("code", code, "message", message))).build();
    }

    /** A stored report's region code, null when it is not linked to a region. */
    private record StoredReport(String regionCode) {
    }

    /** The stored report, or null when there is no such report. */
    private StoredReport find(String reportId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select region_code from report where report_id = ?")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new StoredReport(rs.getString(1)) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the region of report " + reportId, e);
        }
    }
}
