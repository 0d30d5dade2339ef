package dev.modelzoo.ml.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelzoo.ml.ArchiveEntries;
import dev.modelzoo.ml.ArtifactException;
import dev.modelzoo.spec.ArchivePaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A TF.js layers model as a zip of {@code model.json} and its binary weight shards: the model topology and every
 * weight tensor, dequantized to float32 (uint8/uint16 affine quantization, float16) in manifest order.
 */
final class TfjsArchive {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL_JSON = "model.json";

    /** A weight tensor: its TF.js name ({@code layer/param}), shape and row-major float values. */
    record Tensor(String name, long[] shape, float[] values) {
    }

    private final JsonNode topology;
    private final List<Tensor> tensors;

    private TfjsArchive(JsonNode topology, List<Tensor> tensors) {
        this.topology = topology;
        this.tensors = tensors;
    }

    JsonNode topology() {
        return topology;
    }

    List<Tensor> tensors() {
        return tensors;
    }

    /** Whether the zip holds a {@code model.json} (at its root or in one folder): what publish detection asks. */
    static boolean looksLikeTfjs(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return modelJson(file) != null;
        } catch (IOException e) {
            return false;
        }
    }

    static TfjsArchive read(Path zip, long maxUncompressedBytes) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ArchiveEntries.check(file, maxUncompressedBytes, "The TF.js archive");
            ZipEntry modelEntry = modelJson(file);
            if (modelEntry == null) {
                throw new ArtifactException("The zip has no model.json, so it is not a TF.js layers model");
            }
            JsonNode model;
            try (InputStream in = file.getInputStream(modelEntry)) {
                model = JSON.readTree(in);
            } catch (IOException e) {
                throw new ArtifactException("model.json is not valid JSON: " + String.valueOf(e.getMessage())
                        .lines().findFirst().orElse(""));
            }
            String format = model.path("format").asText("layers-model");
            if (!format.equals("layers-model") || !model.has("modelTopology")) {
                throw new UnsupportedModelException("model.json is a TF.js " + ("graph-model".equals(format)
                        ? "graph model" : "'" + format + "' file") + "; only TF.js layers models (format"
                        + " layers-model, with a modelTopology) can be converted");
            }
            String folder = modelEntry.getName().substring(0, modelEntry.getName().length() - MODEL_JSON.length());
            return new TfjsArchive(model.get("modelTopology"), tensors(file, folder, model.path("weightsManifest"),
                    maxUncompressedBytes));
        } catch (IOException e) {
            throw new ArtifactException("The TF.js archive is not a readable zip: " + e.getMessage());
        }
    }

    private static ZipEntry modelJson(ZipFile file) {
        ZipEntry root = file.getEntry(MODEL_JSON);
        if (root != null) {
            return root;
        }
        ZipEntry found = null;
        for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (name.endsWith("/" + MODEL_JSON) && name.indexOf('/') == name.length() - MODEL_JSON.length() - 1) {
                if (found != null) {
                    return null;
                }
                found = entry;
            }
        }
        return found;
    }

    private static List<Tensor> tensors(ZipFile file, String folder, JsonNode manifest, long maxBytes)
            throws IOException {
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw new ArtifactException("model.json has no weightsManifest");
        }
        List<Tensor> tensors = new ArrayList<>();
        for (JsonNode group : manifest) {
            ByteBuffer data = concatenate(file, folder, group.path("paths"), maxBytes);
            for (JsonNode weight : group.path("weights")) {
                tensors.add(tensor(weight, data));
            }
            if (data.hasRemaining()) {
                throw new ArtifactException("The weight shards hold " + data.remaining() + " bytes more than the"
                        + " manifest describes");
            }
        }
        return tensors;
    }

    /** The group's shards in order; reading stops past {@code maxBytes}, whatever the zip entries claim. */
    private static ByteBuffer concatenate(ZipFile file, String folder, JsonNode paths, long maxBytes)
            throws IOException {
        Map<String, byte[]> shards = new LinkedHashMap<>();
        long size = 0;
        for (JsonNode path : paths) {
            String name = folder + path.asText();
            ZipEntry entry = file.getEntry(name);
            if (entry == null || !ArchivePaths.isSafe(name)) {
                throw new ArtifactException("The weight shard '" + path.asText() + "' named in model.json is not in"
                        + " the zip");
            }
            long room = Math.min(maxBytes, Integer.MAX_VALUE - 8L) - size;
            try (InputStream in = file.getInputStream(entry)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, room + 1));
                if (bytes.length > room) {
                    throw new ArtifactException("The weight shards expand to more than "
                            + Math.min(maxBytes, Integer.MAX_VALUE - 8L) + " bytes, more than this server converts");
                }
                shards.put(name, bytes);
                size += bytes.length;
            }
        }
        ByteBuffer data = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        shards.values().forEach(data::put);
        return data.flip();
    }

    private static Tensor tensor(JsonNode weight, ByteBuffer data) {
        String name = weight.path("name").asText();
        JsonNode shapeNode = weight.path("shape");
        long[] shape = new long[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong(-1);
            boolean fits = shapeNode.get(i).canConvertToInt() && shape[i] >= 0
                    && count * Math.max(1, shape[i]) <= data.capacity();
            if (!fits) {
                throw new ArtifactException("Weight '" + name + "' has the shape " + shapeNode + ", which its shards"
                        + " cannot hold");
            }
            count *= shape[i];
        }
        JsonNode quantization = weight.get("quantization");
        String dtype = quantization == null ? weight.path("dtype").asText("float32")
                : quantization.path("dtype").asText();
        int bytesPer = switch (dtype) {
            case "float32", "int32" -> 4;
            case "uint16", "float16" -> 2;
            case "uint8" -> 1;
            default -> throw new UnsupportedModelException("Weight '" + name + "' has dtype '" + dtype
                    + "'; float32, int32, float16 and uint8/uint16-quantized weights are supported");
        };
        if (count * bytesPer > data.remaining()) {
            throw new ArtifactException("The weight shards end before weight '" + name + "' (" + count + " values)");
        }
        float[] values = new float[(int) count];
        float scale = quantization == null ? 1f : (float) quantization.path("scale").asDouble(1);
        float min = quantization == null ? 0f : (float) quantization.path("min").asDouble(0);
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (dtype) {
                case "float32" -> data.getFloat();
                case "int32" -> data.getInt();
                case "float16" -> halfToFloat(data.getShort());
                case "uint16" -> (data.getShort() & 0xffff) * scale + min;
                default -> (data.get() & 0xff) * scale + min;
            };
        }
        return new Tensor(name, shape, values);
    }

    /** IEEE 754 binary16 to float (Float.float16ToFloat arrived only in Java 20). */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float value = mantissa * 0x1p-24f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
