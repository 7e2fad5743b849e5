package io.dailies.prompt;

import io.dailies.core.Project;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** A project's character bible and style spine, stored as JSON on the project and read back for compiling. */
public final class ProjectLook {

    private ProjectLook() {
    }

    public static CharacterBible bible(Project p) {
        if (p.getCharacterBible() == null) {
            return CharacterBible.EMPTY;
        }
        List<CharacterAnchor> anchors = new ArrayList<>();
        for (JsonValue v : read(p.getCharacterBible()).asJsonArray()) {
            JsonObject o = v.asJsonObject();
            List<String> aliases = new ArrayList<>();
            o.getJsonArray("aliases").forEach(a -> aliases.add(((JsonString) a).getString()));
            anchors.add(new CharacterAnchor(o.getString("name"), o.getString("description"),
                    o.isNull("referenceImage") ? null : o.getString("referenceImage"), aliases));
        }
        return CharacterBible.of(anchors);
    }

    public static StyleSpine spine(Project p) {
        if (p.getStyleSpine() == null) {
            return StyleSpine.EMPTY;
        }
        JsonObject o = read(p.getStyleSpine()).asJsonObject();
        List<String> palette = new ArrayList<>();
        o.getJsonArray("paletteAnchors").forEach(a -> palette.add(((JsonString) a).getString()));
        return new StyleSpine(text(o, "lens"), text(o, "aperture"), text(o, "cameraLanguage"), text(o, "grade"), palette,
                text(o, "stabilityCues"));
    }

    public static String json(List<CharacterAnchor> anchors) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (CharacterAnchor c : anchors) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("name", c.name()).add("description", c.description());
            if (c.referenceImage() == null) o.addNull("referenceImage"); else o.add("referenceImage", c.referenceImage());
            JsonArrayBuilder aliases = Json.createArrayBuilder();
            c.aliases().forEach(aliases::add);
            all.add(o.add("aliases", aliases));
        }
        return all.build().toString();
    }

    public static String json(StyleSpine s) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        add(o, "lens", s.lens());
        add(o, "aperture", s.aperture());
        add(o, "cameraLanguage", s.cameraLanguage());
        add(o, "grade", s.grade());
        JsonArrayBuilder palette = Json.createArrayBuilder();
        s.paletteAnchors().forEach(palette::add);
        o.add("paletteAnchors", palette);
        add(o, "stabilityCues", s.stabilityCues());
        return o.build().toString();
    }

    private static void add(JsonObjectBuilder o, String key, String value) {
        if (value == null) o.addNull(key); else o.add(key, value);
    }

    private static String text(JsonObject o, String key) {
        return o.isNull(key) ? null : o.getString(key);
    }

    private static JsonValue read(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readValue();
        }
    }
}
