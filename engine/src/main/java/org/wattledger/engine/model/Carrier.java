package org.wattledger.engine.model;

import java.util.Locale;
import java.util.Optional;

/** What a meter measures. Each carrier belongs to one accounting category. */
public enum Carrier {
    ELECTRICITY(Category.PURCHASED_ENERGY),
    HEAT(Category.PURCHASED_ENERGY),
    STEAM(Category.PURCHASED_ENERGY),
    COOLING(Category.PURCHASED_ENERGY),
    NATURAL_GAS(Category.FUEL),
    DIESEL(Category.FUEL),
    GASOLINE(Category.FUEL),
    LPG(Category.FUEL),
    WATER(Category.WATER),
    REFRIGERANT(Category.REFRIGERANT);

    /** How a carrier enters the inventory (GHG Protocol Corporate Standard, ch. 4). */
    public enum Category {
        /** Bought from others: Scope 2, indirect energy. */
        PURCHASED_ENERGY,
        /** Burnt on site: Scope 1 combustion, direct energy. */
        FUEL,
        /** Withdrawn water: no energy, no emissions here. */
        WATER,
        /** Refrigerant recharged to make up leaks: Scope 1 fugitive. */
        REFRIGERANT
    }

    private static final Aliases<Carrier> ALIASES = new Aliases<Carrier>()
            .add(ELECTRICITY, "electricity", "electric", "power", "grid electricity", "电", "电力", "外购电力", "用电", "电量")
            .add(HEAT, "heat", "district heat", "heating", "热", "热力", "外购热力", "供暖", "采暖")
            .add(STEAM, "steam", "蒸汽", "外购蒸汽")
            .add(COOLING, "cooling", "chilled water", "冷", "冷量", "外购冷量", "冷冻水")
            .add(NATURAL_GAS, "natural gas", "naturalgas", "gas", "ng", "天然气", "管道天然气")
            .add(DIESEL, "diesel", "gas oil", "gas/diesel oil", "柴油")
            .add(GASOLINE, "gasoline", "petrol", "motor gasoline", "汽油")
            .add(LPG, "lpg", "liquefied petroleum gas", "液化石油气", "液化气")
            .add(WATER, "water", "fresh water", "tap water", "水", "自来水", "新鲜水", "新水", "用水")
            .add(REFRIGERANT, "refrigerant", "制冷剂", "冷媒");

    private final Category category;

    Carrier(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    public boolean isFuel() {
        return category == Category.FUEL;
    }

    public boolean isPurchasedEnergy() {
        return category == Category.PURCHASED_ENERGY;
    }

    /** The name used in files and reports: {@code natural_gas}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Carrier> parse(String text) {
        return ALIASES.find(text);
    }

    public static Aliases<Carrier> aliases() {
        return ALIASES;
    }
}
