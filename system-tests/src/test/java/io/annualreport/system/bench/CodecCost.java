package io.annualreport.system.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.TimestampType;

/**
 * What each Kafka compression codec costs on the pipeline's real events: every value written as its own record
 * batch (as the producer sends them at these rates, one record per batch) and read back (as each consumer does),
 * with the CPU time of this thread and the batch size.
 */
final class CodecCost {

    /** The cost of one codec on one topic's values. */
    record Cost(String codec, double meanBatchBytes, double compressMicros, double decompressMicros) {
        String line() {
            return String.format(Locale.ROOT, "%-6s batch mean %,9.0f B  compress %7.1f µs  decompress %7.1f µs",
                    codec, meanBatchBytes, compressMicros, decompressMicros);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CodecCost() {
    }

    static Map<String, Cost> measure(List<byte[]> values) {
        Map<String, Cost> costs = new LinkedHashMap<>();
        if (values.isEmpty()) {
            return costs;
        }
        for (CompressionType type : List.of(CompressionType.NONE, CompressionType.GZIP, CompressionType.SNAPPY,
                CompressionType.LZ4, CompressionType.ZSTD)) {
            Compression compression = Compression.of(type).build();
            run(values, compression); // warm-up
            costs.put(type.name, run(values, compression));
        }
        return costs;
    }

    private static Cost run(List<byte[]> values, Compression compression) {
        long bytes = 0;
        long compressNanos = 0;
        long decompressNanos = 0;
        long sink = 0;
        for (byte[] value : values) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(value.length + 1024),
                    RecordBatch.CURRENT_MAGIC_VALUE, compression, TimestampType.CREATE_TIME, 0L);
            builder.append(System.currentTimeMillis(), null, value);
            MemoryRecords batch = builder.build();
            long t1 = THREADS.getCurrentThreadCpuTime();
            for (Record r : batch.records()) {
                ByteBuffer v = r.value();
                sink += v.remaining() + v.get(v.limit() - 1);
            }
            long t2 = THREADS.getCurrentThreadCpuTime();
            bytes += batch.sizeInBytes();
            compressNanos += t1 - t0;
            decompressNanos += t2 - t1;
        }
        if (sink == 42) {
            System.out.print("");
        }
        int n = values.size();
        return new Cost(compression.type().name, (double) bytes / n, compressNanos / 1e3 / n,
                decompressNanos / 1e3 / n);
    }
}
