package io.annualreport.store;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A minimal OpenID Connect provider for tests, on a free local port: discovery ({@code .well-known/openid-configuration})
 * and the JSON Web Key Set of an RSA key made at start, which quarkus-oidc fetches as it does from a real provider;
 * plus {@code /test-token?user=&groups=&regions=&expired=}, which signs an access token with that key (or, with
 * {@code foreign=true}, with a key the provider never published), so that tests get tokens over HTTP whatever class
 * loader they run in. Points {@code quarkus.oidc.auth-server-url} at itself.
 */
public class FakeOidcServer implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private RsaJsonWebKey key;
    private RsaJsonWebKey foreign;
    private String issuer;

    @Override
    public Map<String, String> start() {
        try {
            key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("test-key");
            foreign = RsaJwkGenerator.generateJwk(2048);
            foreign.setKeyId("test-key");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JoseException | IOException e) {
            throw new IllegalStateException("cannot start the test OIDC provider", e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        server.createContext("/realms/test/.well-known/openid-configuration", exchange -> send(exchange, """
                {"issuer":"%1$s","jwks_uri":"%1$s/certs","authorization_endpoint":"%1$s/auth",
                 "token_endpoint":"%1$s/token","userinfo_endpoint":"%1$s/userinfo",
                 "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"],
                 "subject_types_supported":["public"]}""".formatted(issuer)));
        server.createContext("/realms/test/certs", exchange -> send(exchange,
                new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        server.createContext("/realms/test/test-token", this::token);
        server.start();
        return Map.of("quarkus.oidc.auth-server-url", issuer);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(query.getOrDefault("user", "someone"));
        claims.setClaim("preferred_username", query.getOrDefault("user", "someone"));
        claims.setStringListClaim("groups", list(query.get("groups")));
        if (query.containsKey("regions")) {
            claims.setStringListClaim("regions", list(query.get("regions")));
        }
        claims.setIssuedAtToNow();
        if ("true".equals(query.get("expired"))) {
            claims.setExpirationTimeMinutesInTheFuture(-10);
        } else {
            claims.setExpirationTimeMinutesInTheFuture(10);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        RsaJsonWebKey signer = "true".equals(query.get("foreign")) ? foreign : key;
        jws.setKey(signer.getPrivateKey());
        jws.setKeyIdHeaderValue(signer.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            send(exchange, jws.getCompactSerialization(), "text/plain");
        } catch (JoseException e) {
            throw new IOException(e);
        }
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank()
                ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        send(exchange, body, "application/json");
    }

    private static void send(HttpExchange exchange, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
