package io.annualreport.validate.history;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.annualreport.model.history.CrossYearContext;

/** The typed client of store-service's cross-year endpoint (configuration key {@code store}). */
@RegisterRestClient(configKey = "store")
@Path("/api/v1/agencies")
public interface StoreHistoryApi {

    /** The canonical agency of a printed name, its previous year and its peers. */
    @GET
    @Path("/cross-year")
    @Produces(MediaType.APPLICATION_JSON)
    CrossYearContext crossYear(@QueryParam("agency") String agency, @QueryParam("agencyFull") String agencyFull,
            @QueryParam("year") int year, @QueryParam("exclude") String exclude);
}
