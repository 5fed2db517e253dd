package org.privacykit.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.privacykit.json.JsonMasker;

/**
 * The streaming JSON masker against json-masker (dev.blaauwendraad 1.1.2, the anchor) and against
 * Jackson readTree + mask + write, on the same document of 1 KB or 1 MB with the same five keys
 * masked fully. Throughput in documents per second; multiply by the size for bytes per second.
 * The target is {@code privacyKitStreaming} (byte[] to byte[]) against {@code jsonMasker}; the
 * String and stream variants compare the other two entry points with json-masker's.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class JsonMaskerBenchmark {
    private static final Set<String> KEYS = Set.of("email", "cardNumber", "iban", "phone", "password");

    @Param({"1024", "1048576"})
    public int size;

    private byte[] document;
    private String text;
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream(2 << 20);
    private JsonMasker privacyKit;
    private dev.blaauwendraad.masker.json.JsonMasker jsonMasker;
    private final ObjectMapper jackson = new ObjectMapper();
    private Set<String> lowerKeys;

    /** Builds the document and the maskers. */
    @Setup
    public void setUp() {
        text = document(size);
        document = text.getBytes(StandardCharsets.UTF_8);
        privacyKit = JsonMasker.builder().maskKeys(KEYS.toArray(new String[0])).build();
        jsonMasker = dev.blaauwendraad.masker.json.JsonMasker.getMasker(KEYS);
        lowerKeys = Set.of("email", "cardnumber", "iban", "phone", "password");
    }

    /** @return the document masked by privacy-kit's streaming masker */
    @Benchmark
    public byte[] privacyKitStreaming() {
        return privacyKit.mask(document);
    }

    /** @return the document masked by json-masker: the anchor */
    @Benchmark
    public byte[] jsonMasker() {
        return jsonMasker.mask(document);
    }

    /** @return the document, held as a String, masked by privacy-kit */
    @Benchmark
    public String privacyKitString() {
        return privacyKit.mask(text);
    }

    /** @return the document, held as a String, masked by json-masker */
    @Benchmark
    public String jsonMaskerString() {
        return jsonMasker.mask(text);
    }

    /**
     * @return the size of the document masked by privacy-kit from an InputStream to an OutputStream
     * @throws IOException never (in-memory streams)
     */
    @Benchmark
    public int privacyKitStream() throws IOException {
        sink.reset();
        privacyKit.mask(new ByteArrayInputStream(document), sink);
        return sink.size();
    }

    /** @return the size of the document masked by json-masker from an InputStream to an OutputStream */
    @Benchmark
    public int jsonMaskerStream() {
        sink.reset();
        jsonMasker.mask(new ByteArrayInputStream(document), sink);
        return sink.size();
    }

    /** @return the document masked through a Jackson tree */
    @Benchmark
    public byte[] jacksonTree() throws Exception {
        JsonNode tree = jackson.readTree(document);
        maskTree(tree);
        return jackson.writeValueAsBytes(tree);
    }

    private void maskTree(JsonNode node) {
        if (node instanceof ObjectNode) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (lowerKeys.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                    if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                        field.setValue(TextNode.valueOf("****"));
                    } else {
                        maskAll(field.getValue());
                    }
                } else {
                    maskTree(field.getValue());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                maskTree(element);
            }
        }
    }

    private void maskAll(JsonNode node) {
        if (node instanceof ObjectNode) {
            node.fields().forEachRemaining(f -> {
                if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                    f.setValue(TextNode.valueOf("****"));
                } else {
                    maskAll(f.getValue());
                }
            });
        } else if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isValueNode() && !array.get(i).isNull()) {
                    array.set(i, TextNode.valueOf("****"));
                } else {
                    maskAll(array.get(i));
                }
            }
        }
    }

    /** A realistic document: customers with contact data, addresses and orders, to about {@code bytes}. */
    static String document(int bytes) {
        StringBuilder out = new StringBuilder(bytes + 512);
        out.append("{\"requestId\":\"r-7f3a\",\"customers\":[");
        int i = 0;
        do {
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"id\":").append(1000 + i)
                    .append(",\"name\":\"Customer ").append(i).append('"')
                    .append(",\"email\":\"customer").append(i).append("@example.com\"")
                    .append(",\"phone\":\"+44 20 7946 ").append(String.format(Locale.ROOT, "%04d", i % 10000)).append('"')
                    .append(",\"cardNumber\":\"4111 1111 1111 ").append(String.format(Locale.ROOT, "%04d", i % 10000)).append('"')
                    .append(",\"active\":").append(i % 2 == 0)
                    .append(",\"address\":{\"street\":\"").append(i).append(" Main Street\",\"city\":\"London\",\"postcode\":\"SW1A 1AA\"}")
                    .append(",\"orders\":[{\"orderId\":\"o-").append(i).append("\",\"total\":").append(i % 100).append(".50}]}");
            i++;
        } while (out.length() < bytes - 2);
        out.append("]}");
        return out.toString();
    }
}
