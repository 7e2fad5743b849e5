package io.dailies.prompt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named colour anchors of a prompt ("Palette anchors: amber, cream, walnut brown") and
 * the sRGB value of each name, so a take's dominant colours can be checked against them.
 *
 * <p>The vocabulary is every CSS colour name plus the cinematic names producers actually
 * write (amber, walnut brown, candlelight, torch orange, ...). Multi-word names are looked up
 * as written first ("stone gray"), then with the spaces removed so "steel blue" finds the
 * CSS {@code steelblue}; "grey" and "gray" are interchangeable.
 */
public final class PaletteAnchors {

    // "palette anchors:" or "palette:"; the separator may be a colon, '=' or a dash.
    private static final Pattern LABEL =
            Pattern.compile("(?i)\\bpalette(\\s+anchors?)?\\s*[:=\\u2013\\u2014-]\\s*");
    private static final Pattern ITEM_SEPARATOR =
            Pattern.compile("(?i)\\s*(?:,|&|/|\\band\\b|\\bor\\b)\\s*");
    // Words that describe a colour without changing it ("amber tones", "teal hues").
    private static final Pattern FILLER =
            Pattern.compile("\\b(?:tones?|hues?|shades?|colou?rs?|colou?red)\\b");
    // Compiled once (items and normalise run for every prompt); declared before COLOURS, which uses them.
    private static final Pattern QUOTES_AND_BRACKETS = Pattern.compile("[\"'`\u201c\u201d\u2018\u2019()\\[\\]*]");
    private static final Pattern NOT_LETTER_OR_SPACE = Pattern.compile("[^a-z ]");

    private static final Map<String, Integer> COLOURS = buildVocabulary();

    private PaletteAnchors() {
    }

    /**
     * The colour names after the prompt's palette label, lower-cased and trimmed, in the order
     * written. A "palette anchors" label wins over a plain "palette" label; compound labels such
     * as "Lighting + palette:" describe light, not colours, and are ignored. The list stops at
     * '.', ';' or the end of the line. No label → empty list.
     */
    public static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Matcher m = LABEL.matcher(text);
        int plainLabelEnd = -1;
        while (m.find()) {
            if (isCompoundLabel(text, m.start())) {
                continue;
            }
            if (m.group(1) != null) {
                return items(text, m.end());
            }
            if (plainLabelEnd < 0) {
                plainLabelEnd = m.end();
            }
        }
        return plainLabelEnd < 0 ? List.of() : items(text, plainLabelEnd);
    }

    /**
     * Where the colour names that {@link #parse} reads sit in the text: the characters after the label up
     * to the '.', ';' or line break that ends the list (trailing spaces excluded). The same label is chosen
     * as by {@code parse}. Empty when the text has no palette label.
     */
    public static Optional<Span> locate(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = LABEL.matcher(text);
        int plainLabelEnd = -1;
        int from = -1;
        while (m.find()) {
            if (isCompoundLabel(text, m.start())) {
                continue;
            }
            if (m.group(1) != null) {
                from = m.end();
                break;
            }
            if (plainLabelEnd < 0) {
                plainLabelEnd = m.end();
            }
        }
        if (from < 0) {
            from = plainLabelEnd;
        }
        if (from < 0) {
            return Optional.empty();
        }
        int end = text.length();
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == ';' || c == '\n' || c == '\r') {
                end = i;
                break;
            }
        }
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return Optional.of(new Span(from, end));
    }

    /** A range of characters in a text, {@code [start, end)}. */
    public record Span(int start, int end) {
    }

    /** sRGB as 0xRRGGBB for a colour name from the vocabulary; unknown names → empty. */
    public static OptionalInt rgb(String name) {
        if (name == null) {
            return OptionalInt.empty();
        }
        String key = normalise(name);
        if (key.isEmpty()) {
            return OptionalInt.empty();
        }
        for (String candidate : List.of(key, key.replace("grey", "gray"))) {
            Integer hit = COLOURS.get(candidate);
            if (hit == null) {
                hit = COLOURS.get(candidate.replace(" ", ""));
            }
            if (hit == null) {
                // "amber tones", "teal colour": drop the filler words and try again.
                String bare = ShotCues.oneSpace(FILLER.matcher(candidate).replaceAll(" ").trim());
                if (!bare.isEmpty() && !bare.equals(candidate)) {
                    hit = COLOURS.get(bare);
                    if (hit == null) {
                        hit = COLOURS.get(bare.replace(" ", ""));
                    }
                }
            }
            if (hit != null) {
                return OptionalInt.of(hit);
            }
        }
        // "candle amber", "antique gold": a modifier before a known colour; the colour word decides.
        int space = key.indexOf(' ');
        return space < 0 ? OptionalInt.empty() : rgb(key.substring(space + 1));
    }

    /** Every name in the vocabulary (normalised spelling), for pickers and documentation. */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(COLOURS.keySet()));
    }

    private static boolean isCompoundLabel(String text, int labelStart) {
        int lineStart = Math.max(Math.max(text.lastIndexOf('\n', labelStart - 1),
                text.lastIndexOf('.', labelStart - 1)), text.lastIndexOf(';', labelStart - 1)) + 1;
        String before = text.substring(lineStart, labelStart).toLowerCase(Locale.ROOT).trim();
        return before.endsWith("+") || before.endsWith("&") || before.endsWith(" and") || before.equals("and");
    }

    private static List<String> items(String text, int from) {
        int end = text.length();
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == ';' || c == '\n' || c == '\r') {
                end = i;
                break;
            }
        }
        List<String> names = new ArrayList<>();
        for (String raw : ITEM_SEPARATOR.split(text.substring(from, end))) {
            String name = ShotCues.oneSpace(QUOTES_AND_BRACKETS.matcher(raw).replaceAll(" ").trim())
                    .toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static String normalise(String name) {
        String letters = NOT_LETTER_OR_SPACE.matcher(name.toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' '))
                .replaceAll(" ");
        return ShotCues.oneSpace(letters.trim());
    }

    private static Map<String, Integer> buildVocabulary() {
        Map<String, Integer> map = new LinkedHashMap<>();
        add(map, CSS);
        add(map, CINEMATIC);
        return Collections.unmodifiableMap(map);
    }

    private static void add(Map<String, Integer> map, String table) {
        for (String entry : table.split(";")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int colon = e.indexOf(':');
            map.put(normalise(e.substring(0, colon)), Integer.parseInt(e.substring(colon + 1).trim(), 16));
        }
    }

    /** The 148 CSS Color Module 4 named colours. */
    private static final String CSS = """
            aliceblue:F0F8FF; antiquewhite:FAEBD7; aqua:00FFFF; aquamarine:7FFFD4; azure:F0FFFF;
            beige:F5F5DC; bisque:FFE4C4; black:000000; blanchedalmond:FFEBCD; blue:0000FF;
            blueviolet:8A2BE2; brown:A52A2A; burlywood:DEB887; cadetblue:5F9EA0; chartreuse:7FFF00;
            chocolate:D2691E; coral:FF7F50; cornflowerblue:6495ED; cornsilk:FFF8DC; crimson:DC143C;
            cyan:00FFFF; darkblue:00008B; darkcyan:008B8B; darkgoldenrod:B8860B; darkgray:A9A9A9;
            darkgreen:006400; darkgrey:A9A9A9; darkkhaki:BDB76B; darkmagenta:8B008B;
            darkolivegreen:556B2F; darkorange:FF8C00; darkorchid:9932CC; darkred:8B0000;
            darksalmon:E9967A; darkseagreen:8FBC8F; darkslateblue:483D8B; darkslategray:2F4F4F;
            darkslategrey:2F4F4F; darkturquoise:00CED1; darkviolet:9400D3; deeppink:FF1493;
            deepskyblue:00BFFF; dimgray:696969; dimgrey:696969; dodgerblue:1E90FF; firebrick:B22222;
            floralwhite:FFFAF0; forestgreen:228B22; fuchsia:FF00FF; gainsboro:DCDCDC;
            ghostwhite:F8F8FF; gold:FFD700; goldenrod:DAA520; gray:808080; grey:808080;
            green:008000; greenyellow:ADFF2F; honeydew:F0FFF0; hotpink:FF69B4; indianred:CD5C5C;
            indigo:4B0082; ivory:FFFFF0; khaki:F0E68C; lavender:E6E6FA; lavenderblush:FFF0F5;
            lawngreen:7CFC00; lemonchiffon:FFFACD; lightblue:ADD8E6; lightcoral:F08080;
            lightcyan:E0FFFF; lightgoldenrodyellow:FAFAD2; lightgray:D3D3D3; lightgreen:90EE90;
            lightgrey:D3D3D3; lightpink:FFB6C1; lightsalmon:FFA07A; lightseagreen:20B2AA;
            lightskyblue:87CEFA; lightslategray:778899; lightslategrey:778899;
            lightsteelblue:B0C4DE; lightyellow:FFFFE0; lime:00FF00; limegreen:32CD32; linen:FAF0E6;
            magenta:FF00FF; maroon:800000; mediumaquamarine:66CDAA; mediumblue:0000CD;
            mediumorchid:BA55D3; mediumpurple:9370DB; mediumseagreen:3CB371;
            mediumslateblue:7B68EE; mediumspringgreen:00FA9A; mediumturquoise:48D1CC;
            mediumvioletred:C71585; midnightblue:191970; mintcream:F5FFFA; mistyrose:FFE4E1;
            moccasin:FFE4B5; navajowhite:FFDEAD; navy:000080; oldlace:FDF5E6; olive:808000;
            olivedrab:6B8E23; orange:FFA500; orangered:FF4500; orchid:DA70D6; palegoldenrod:EEE8AA;
            palegreen:98FB98; paleturquoise:AFEEEE; palevioletred:DB7093; papayawhip:FFEFD5;
            peachpuff:FFDAB9; peru:CD853F; pink:FFC0CB; plum:DDA0DD; powderblue:B0E0E6;
            purple:800080; rebeccapurple:663399; red:FF0000; rosybrown:BC8F8F; royalblue:4169E1;
            saddlebrown:8B4513; salmon:FA8072; sandybrown:F4A460; seagreen:2E8B57; seashell:FFF5EE;
            sienna:A0522D; silver:C0C0C0; skyblue:87CEEB; slateblue:6A5ACD; slategray:708090;
            slategrey:708090; snow:FFFAFA; springgreen:00FF7F; steelblue:4682B4; tan:D2B48C;
            teal:008080; thistle:D8BFD8; tomato:FF6347; turquoise:40E0D0; violet:EE82EE;
            wheat:F5DEB3; white:FFFFFF; whitesmoke:F5F5F5; yellow:FFFF00; yellowgreen:9ACD32;
            """;

    /** Names from set design, grading and lighting vocabulary, as producers write them. */
    private static final String CINEMATIC = """
            amber:FFBF00; cream:FFFDD0; walnut brown:5C4033; walnut:5C4033; sand:C2B280;
            rust:B7410E; burgundy:800020; slate:708090; charcoal:36454F; ochre:CC7722;
            emerald:50C878; copper:B87333; bronze:CD7F32; candlelight:FF9329; torch orange:F5821F;
            stone gray:928E85; stone:928E85; pale blue:AFDBF5; moss green:8A9A5B; moss:8A9A5B;
            sage:9CAF88; sage green:9CAF88; olive green:BAB86C; teal blue:367588; seafoam:93E9BE;
            sea foam:93E9BE; mint:98FF98; mint green:98FF98; jade:00A86B; bottle green:006A4E;
            hunter green:355E3B; army green:4B5320; pine green:01796F; evergreen:05472A;
            fern:4F7942; jungle green:29AB87; celadon:ACE1AF; pistachio:93C572; avocado:568203;
            teal green:006D5B; verdigris:43B3AE; neon green:39FF14; mustard:FFDB58;
            mustard yellow:E1AD01; saffron:F4C430; honey:EBA937; golden yellow:FFDF00;
            lemon:FFF44F; canary:FFFF99; champagne:F7E7CE; bone:E3DAC9; off white:FAF9F6;
            eggshell:F0EAD6; parchment:F1E9D2; alabaster:EDEAE0; pearl:EAE0C8; vanilla:F3E5AB;
            taupe:483C32; mocha:967969; espresso:4E312D; coffee:6F4E37; caramel:C68E17;
            cognac:9A463D; mahogany:C04000; oak:806517; chestnut:954535; umber:635147;
            raw umber:826644; burnt umber:8A3324; burnt sienna:E97451; terracotta:E2725B;
            brick red:CB4154; brick:B22222; oxblood:4A0404; wine:722F37; merlot:73343A;
            scarlet:FF2400; vermilion:E34234; cardinal red:C41E3A; blood red:8A0303; ruby:E0115F;
            rose:FF007F; dusty rose:DCAE96; blush:DE5D83; peach:FFE5B4; apricot:FBCEB1;
            tangerine:F28500; burnt orange:CC5500; pumpkin:FF7518; marigold:EAA221;
            sunset orange:FD5E53; flame:E25822; ember:E25822; neon pink:FF6EC7; lilac:C8A2C8;
            mauve:E0B0FF; amethyst:9966CC; eggplant:614051; aubergine:472C4C; royal purple:7851A9;
            navy blue:000080; cobalt:0047AB; cobalt blue:0047AB; sapphire:0F52BA;
            ultramarine:120A8F; electric blue:7DF9FF; baby blue:89CFF0; ice blue:DDF3F5;
            denim:1560BD; petrol:005F6A; cerulean:007BA7; prussian blue:003153; gunmetal:2A3439;
            graphite:41424C; pewter:899499; platinum:E5E4E2; ash gray:B2BEB5; ash:B2BEB5;
            smoke:738276; dove gray:6D6C6C; warm gray:808069; cool gray:8C92AC; steel gray:71797E;
            steel:71797E; jet black:0A0A0A; jet:343434; onyx:353839; ebony:555D50; obsidian:0B1215;
            tungsten:FFD6AA; sodium orange:FF9A3C; brass:B5A642; sepia:704214; camel:C19A6B;
            buff:DAA06D; sandstone:786D5F; desert sand:EDC9AF; clay:B66A50; adobe:BD6C48;
            """;
}
