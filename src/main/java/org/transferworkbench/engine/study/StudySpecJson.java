package org.transferworkbench.engine.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferworkbench.engine.io.AtomicFiles;
import org.transferworkbench.engine.io.Json;

/**
 * Reads and writes study files. Format (JSON, version 1):
 * <pre>
 * { "format": "transfer-workbench study", "formatVersion": 1,
 *   "name": "freeze-comparison", "dataset": "../datasets/demo-cells",
 *   "base": { "model": "vgg16", "epochs": 10, "group": "_(photo\\d+)_" },
 *   "arms": [ { "label": "feature extraction", "settings": { "freeze": "conv" } }, ... ],
 *   "seeds": [1, 2, 3]      (or a count: 3 means seeds 1, 2, 3)
 *   "folds": 0 }
 * </pre>
 * A relative dataset path is taken from the study file's folder. Setting values may be JSON strings, numbers or
 * booleans; they mean what the {@code train} option of the same name means.
 */
public final class StudySpecJson {
    public static final String FORMAT = "transfer-workbench study";
    public static final int FORMAT_VERSION = 1;

    private StudySpecJson() {
    }

    public static StudySpec read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("The study file " + file + " does not exist.", e);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The study file " + file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage() + ").", e);
        }
        try {
            return parse(root, file.toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Study file " + file + ": " + e.getMessage(), e);
        }
    }

    /** @param folder where a relative dataset path starts */
    public static StudySpec parse(JsonNode root, Path folder) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a study is a JSON object with \"name\", \"dataset\", \"arms\" and "
                    + "\"seeds\".");
        }
        JsonNode version = root.get("formatVersion");
        if (version != null && version.asInt(-1) != FORMAT_VERSION) {
            throw new IllegalArgumentException("format version " + version.asText() + " is not one this version of "
                    + "the app reads (it reads " + FORMAT_VERSION + ").");
        }
        String name = text(root, "name");
        String dataset = text(root, "dataset");
        if (dataset == null) {
            throw new IllegalArgumentException("\"dataset\" is missing: give the dataset folder (relative to the "
                    + "study file's folder or absolute).");
        }
        Path datasetPath = folder.resolve(dataset).normalize();
        Map<String, String> base = settings(root.get("base"), "\"base\"");
        List<StudyArm> arms = new ArrayList<>();
        JsonNode armsNode = root.get("arms");
        if (armsNode == null || !armsNode.isArray()) {
            throw new IllegalArgumentException("\"arms\" must be a list of {\"label\": ..., \"settings\": {...}}; "
                    + "use one arm with empty settings to repeat the base settings alone.");
        }
        for (JsonNode arm : armsNode) {
            String label = arm.isObject() ? text(arm, "label") : null;
            arms.add(new StudyArm(label, settings(arm.get("settings"), "arm '" + label + "'")));
        }
        int folds = root.has("folds") ? wholeNumber(root.get("folds"), "\"folds\"") : 0;
        return new StudySpec(name, datasetPath, base, arms, seeds(root.get("seeds")), folds);
    }

    public static void write(Path file, StudySpec spec) throws IOException {
        AtomicFiles.writeString(file, Json.write(toJson(spec)) + System.lineSeparator());
    }

    public static ObjectNode toJson(StudySpec spec) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("name", spec.name());
        root.put("dataset", spec.dataset().toString());
        ObjectNode base = root.putObject("base");
        new java.util.TreeMap<>(spec.base()).forEach(base::put);
        ArrayNode arms = root.putArray("arms");
        for (StudyArm arm : spec.arms()) {
            ObjectNode a = arms.addObject();
            a.put("label", arm.label());
            ObjectNode s = a.putObject("settings");
            new java.util.TreeMap<>(arm.settings()).forEach(s::put);
        }
        ArrayNode seeds = root.putArray("seeds");
        spec.seeds().forEach(seeds::add);
        root.put("folds", spec.folds());
        return root;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a text, not " + v.getNodeType()
                    .toString().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return v.asText();
    }

    private static Map<String, String> settings(JsonNode node, String where) {
        Map<String, String> result = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("the settings of " + where + " must be an object such as "
                    + "{\"freeze\": \"conv\", \"epochs\": 10}.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new IllegalArgumentException("setting '" + e.getKey() + "' of " + where + " must be a text, "
                        + "number or true/false.");
            }
            result.put(e.getKey(), e.getValue().asText());
        }
        return result;
    }

    private static List<Long> seeds(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("\"seeds\" is missing: give a list such as [1, 2, 3] or a count.");
        }
        List<Long> seeds = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode s : node) {
                if (!s.isIntegralNumber()) {
                    throw new IllegalArgumentException("\"seeds\" must hold whole numbers; found " + s + ".");
                }
                seeds.add(s.asLong());
            }
            return seeds;
        }
        int count = wholeNumber(node, "\"seeds\"");
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("\"seeds\" as a count must be from 1 to 1000; got " + count + ".");
        }
        for (long s = 1; s <= count; s++) {
            seeds.add(s);
        }
        return seeds;
    }

    private static int wholeNumber(JsonNode node, String what) {
        if (!node.isIntegralNumber()) {
            throw new IllegalArgumentException(what + " must be a whole number; got " + node + ".");
        }
        return node.asInt();
    }
}
