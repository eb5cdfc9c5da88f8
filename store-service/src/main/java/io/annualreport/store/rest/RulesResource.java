package io.annualreport.store.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v1/rules}: the rule catalogue (rule sets; each rule's id, version, severity, statement, formula and
 * messages) as generated from report-rules' registry into {@code rules-catalogue.json}; report-rules'
 * {@code RulesCatalogueTest} fails when that file is out of date.
 */
@Path("/api/v1/rules")
public class RulesResource {

    private static final String RESOURCE = "/rules-catalogue.json";
    private static final byte[] CATALOGUE = load();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The rule catalogue: rule sets and every rule with its statement, formula and messages")
    public byte[] rules() {
        return CATALOGUE;
    }

    private static byte[] load() {
        try (InputStream in = RulesResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
