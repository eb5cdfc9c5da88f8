package io.annualreport.store.persistence;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.annualreport.infra.PostgresServer;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.Section;
import io.annualreport.model.template.CellDef;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.TemplateRegistry;

/**
 * The setup the store benchmarks share: a throwaway PostgreSQL with the store's schema, connection pools,
 * connections that commit on close as the service's transactions do, synthetic cells and parts, and percentiles.
 */
final class BenchSupport {

    static final String[] HEADINGS = {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"};

    private BenchSupport() {
    }

    /** A throwaway PostgreSQL below the temporary directory, stopped by {@link PostgresServer#close()}. */
    static PostgresServer startDatabase(String directory) throws Exception {
        return PostgresServer.startThrowaway(Path.of(System.getProperty("java.io.tmpdir"), directory));
    }

    /** The store's Flyway migrations, as the service runs them at start. */
    static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** A pool of at most {@code maxSize} connections to the given URL. */
    static AgroalDataSource pool(String url, int maxSize) throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(cp -> cp.maxSize(maxSize)
                        .connectionFactoryConfiguration(cf -> cf.jdbcUrl(url)
                                .principal(new NamePrincipal(PostgresServer.USER))
                                .credential(new SimplePassword(PostgresServer.PASSWORD)))));
    }

    /** Connections that run in one transaction each and commit when closed, as the JTA transaction does in the app. */
    static DataSource committingOnClose(AgroalDataSource pool) {
        return (DataSource) Proxy.newProxyInstance(BenchSupport.class.getClassLoader(),
                new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (!"getConnection".equals(method.getName())) {
                        return method.invoke(pool, args);
                    }
                    Connection connection = pool.getConnection();
                    connection.setAutoCommit(false);
                    return Proxy.newProxyInstance(BenchSupport.class.getClassLoader(),
                            new Class<?>[]{Connection.class},
                            (p, m, a) -> {
                                if ("close".equals(m.getName())) {
                                    connection.commit();
                                    connection.setAutoCommit(true);
                                    connection.close();
                                    return null;
                                }
                                return m.invoke(connection, a);
                            });
                });
    }

    /**
     * Every T2/T3/T4 cell of the edition, 60 % of them 0, on consecutive lines from line 40; one in
     * {@code doubtfulOneIn} doubtful (0: none).
     */
    static Map<String, Cell> cells(Edition edition, Random random, int doubtfulOneIn) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        int line = 40;
        for (CellDef def : TemplateRegistry.cells(edition)) {
            int value = random.nextInt(10) < 6 ? 0 : random.nextInt(80);
            Cell cell = new Cell(BigDecimal.valueOf(value), Integer.toString(value),
                    value == 0 ? CellSemantic.ZERO : CellSemantic.NUMERIC, 2 + line / 60, line++,
                    def.label() + "\t" + value);
            cells.put(def.key(), doubtfulOneIn > 0 && random.nextInt(doubtfulOneIn) == 0
                    ? cell.doubtful(Doubt.OCR_LOW_CONFIDENCE)
                    : cell);
        }
        return cells;
    }

    /** The six parts, each eight sentences of {@code subject}'s narrative, appended to {@code text}. */
    static List<Section> parts(String subject, Random random, StringBuilder text) {
        List<Section> sections = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            String body = (subject + "认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息" + random.nextInt(500) + "条。").repeat(8);
            int start = text.length();
            text.append(HEADINGS[s]).append('\n').append(body).append('\n');
            sections.add(new Section(s + 1, HEADINGS[s], body, start, text.length()));
        }
        return sections;
    }

    /** The value at a percentile of sorted samples. */
    static double percentile(double[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
