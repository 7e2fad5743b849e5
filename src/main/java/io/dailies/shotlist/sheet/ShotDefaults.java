package io.dailies.shotlist.sheet;

import java.io.Serializable;

/**
 * What a blank Model, Size or Seconds cell of a shot row becomes, from the workbook's Settings sheet
 * ({@link ProjectSettings#shotDefaults()}). Each part may be null: then the catalog decides (the
 * catalog's default model; the row's model's own default size and length). A default size or length
 * the row's model does not render also gives way to that model's own default, so a project defaulting
 * to 1920x1080 on sora-2-pro can still have a sora-2 row with a blank Size. Serializable, so a batch step
 * can hand it from its reader to its processor.
 *
 * @param model   catalog model name, e.g. "sora-2-pro"; null for the catalog's default model
 * @param size    "WIDTHxHEIGHT", e.g. "1920x1080"; null for the row's model's default
 * @param seconds clip length; null for the row's model's default
 */
public record ShotDefaults(String model, String size, Integer seconds) implements Serializable {

    /** No Settings sheet, or one without defaults: the catalog's defaults. */
    public static final ShotDefaults NONE = new ShotDefaults(null, null, null);
}
