package org.personaworkbench.engine.samples;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes the "Demo shop" sample's data: a synthetic shop of 2,000 customers in four planted groups that differ
 * in how often, how much and how recently they buy, with demographics, an item catalogue with descriptions,
 * transactions, web events and an A/B test whose treatment helps one group only. Everything comes from one
 * seeded {@link Random} drawn in a fixed order, so the same seed gives byte-identical files; the planted group of
 * every customer is returned so tests (and the tour) can check that a segmentation finds them.
 */
public final class DemoShopGenerator {

    /** The seed the sample recipe uses. */
    public static final long SEED = 20250101L;

    /** The planted groups: name, customers, and the A/B treatment's effect on their conversion. */
    public enum Group {
        /** Frequent mid-size baskets of groceries and home goods, bought recently. */
        LOYAL_REGULARS("Loyal regulars", 600),
        /** Many small discounted baskets of fashion and beauty, mostly on mobile; the treatment helps them. */
        BARGAIN_HUNTERS("Bargain hunters", 800),
        /** One to three large electronics and outdoor orders, on desktop. */
        BIG_TICKET("Big-ticket occasional buyers", 400),
        /** One or two orders long ago. */
        LAPSED("Lapsed one-timers", 200);

        private final String label;
        private final int size;

        Group(String label, int size) {
            this.label = label;
            this.size = size;
        }

        public String label() {
            return label;
        }

        public int size() {
            return size;
        }
    }

    /** What was written: the files and the planted group of every customer id. */
    public record Result(Path dir, Map<String, Group> plantedGroups, int transactions, int events) {
        public Result {
            plantedGroups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(plantedGroups));
        }
    }

    static final String CUSTOMERS = "customers.csv";
    static final String ITEMS = "items.csv";
    static final String TRANSACTIONS = "transactions.csv";
    static final String EVENTS = "web_events.csv";
    static final String AB_TEST = "ab_test.csv";

    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final int DAYS = 365;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final String[] CITIES = {"London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Bristol"};
    private static final String[] CATEGORIES = {"Groceries", "Home", "Fashion", "Beauty", "Electronics", "Outdoor"};
    private static final double[][] PRICE_RANGE = {{2, 8}, {10, 40}, {6, 20}, {4, 15}, {120, 400}, {60, 180}};
    private static final String[][] NOUNS = {
            {"coffee beans", "olive oil", "granola", "pasta", "tea selection", "dark chocolate", "honey", "spice set"},
            {"cushion", "throw blanket", "table lamp", "storage basket", "candle", "picture frame", "vase", "towel set"},
            {"t-shirt", "scarf", "hoodie", "socks", "cap", "leggings", "tote bag", "sunglasses"},
            {"face cream", "lip balm", "shampoo", "body lotion", "nail polish", "hand soap", "face mask", "perfume"},
            {"headphones", "smart speaker", "tablet", "fitness watch", "e-reader", "camera", "monitor", "keyboard"},
            {"tent", "hiking boots", "backpack", "sleeping bag", "camping stove", "rain jacket", "cool box", "bike light"}};
    private static final String[] ADJECTIVES = {"organic", "classic", "premium", "compact", "soft", "everyday",
            "deluxe", "recycled"};
    private static final String[] COLOURS = {"red", "blue", "green", "grey", "black", "white"};

    private DemoShopGenerator() {
    }

    /**
     * Writes customers.csv, items.csv, transactions.csv, web_events.csv and ab_test.csv into {@code dir}.
     *
     * @throws EngineException when a file cannot be written
     */
    public static Result write(Path dir, long seed, CancellationToken cancel) {
        Random random = new Random(seed);
        try {
            Files.createDirectories(dir);
            List<Item> items = items(random);
            writeItems(dir.resolve(ITEMS), items);
            Map<String, Group> planted = new LinkedHashMap<>();
            int transactions = 0;
            int events = 0;
            try (BufferedWriter customers = Files.newBufferedWriter(dir.resolve(CUSTOMERS), StandardCharsets.UTF_8);
                 BufferedWriter tx = Files.newBufferedWriter(dir.resolve(TRANSACTIONS), StandardCharsets.UTF_8);
                 BufferedWriter web = Files.newBufferedWriter(dir.resolve(EVENTS), StandardCharsets.UTF_8);
                 BufferedWriter ab = Files.newBufferedWriter(dir.resolve(AB_TEST), StandardCharsets.UTF_8)) {
                customers.write("customer_id,age,gender,city,signup_date\n");
                tx.write("order_id,customer_id,item_id,description,category,quantity,unit_price,order_time\n");
                web.write("customer_id,item_id,event,device,event_time\n");
                ab.write("customer_id,variant,converted,revenue,pre_revenue\n");
                List<Group> order = shuffledGroups(random);
                int orderNo = 100_000;
                for (int c = 0; c < order.size(); c++) {
                    if (c % 200 == 0) {
                        cancel.throwIfCancelled();
                    }
                    Group g = order.get(c);
                    String id = String.format(Locale.ROOT, "C%05d", c + 1);
                    planted.put(id, g);
                    customers.write(customerLine(id, g, random));
                    String device = device(g, random);
                    int orders = orders(g, random);
                    int lastDay = lastDay(g, random);
                    double preRevenue = 0;
                    for (int o = 0; o < orders; o++) {
                        int day = Math.max(0, lastDay - (int) Math.round(o * spacing(g, random)));
                        LocalDateTime at = START.plusDays(day).atTime(8 + random.nextInt(14), random.nextInt(60),
                                random.nextInt(60));
                        String orderId = "O" + orderNo++;
                        int lines = lines(g, random);
                        for (int l = 0; l < lines; l++) {
                            Item item = pick(items, g, random);
                            int quantity = 1 + (g == Group.LOYAL_REGULARS ? random.nextInt(3) : 0);
                            double price = g == Group.BARGAIN_HUNTERS ? round(item.price * 0.7) : item.price;
                            tx.write(orderId + "," + id + "," + item.id + ",\"" + item.description + "\","
                                    + item.category + "," + quantity + "," + money(price) + "," + TIME.format(at)
                                    + "\n");
                            preRevenue += quantity * price;
                            transactions++;
                            events += webEvents(web, id, item, device, at, random);
                        }
                    }
                    ab.write(abLine(id, g, preRevenue, orders, random));
                }
            }
            return new Result(dir, planted, transactions, events);
        } catch (IOException e) {
            throw new EngineException("The demo shop data could not be written to " + dir + ": " + e.getMessage(), e);
        }
    }

    private record Item(String id, String description, String category, int categoryIndex, double price) {
    }

    private static List<Item> items(Random random) {
        List<Item> out = new ArrayList<>();
        for (int c = 0; c < CATEGORIES.length; c++) {
            for (int n = 0; n < NOUNS[c].length; n++) {
                for (int v = 0; v < 3; v++) {
                    String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
                    String colour = COLOURS[random.nextInt(COLOURS.length)];
                    double price = round(PRICE_RANGE[c][0] + random.nextDouble() * (PRICE_RANGE[c][1] - PRICE_RANGE[c][0]));
                    String description = capitalise(adjective) + " " + NOUNS[c][n] + " in " + colour + " — "
                            + CATEGORIES[c].toLowerCase(Locale.ROOT) + " for every day";
                    out.add(new Item(String.format(Locale.ROOT, "I%03d", out.size() + 1), description, CATEGORIES[c], c,
                            price));
                }
            }
        }
        return out;
    }

    private static void writeItems(Path file, List<Item> items) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("item_id,description,category,price\n");
            for (Item i : items) {
                w.write(i.id + ",\"" + i.description + "\"," + i.category + "," + money(i.price) + "\n");
            }
        }
    }

    private static List<Group> shuffledGroups(Random random) {
        List<Group> all = new ArrayList<>();
        for (Group g : Group.values()) {
            for (int i = 0; i < g.size; i++) {
                all.add(g);
            }
        }
        java.util.Collections.shuffle(all, random);
        return all;
    }

    private static String customerLine(String id, Group g, Random random) {
        int age = switch (g) {
            case LOYAL_REGULARS -> 30 + random.nextInt(16);
            case BARGAIN_HUNTERS -> 18 + random.nextInt(13);
            case BIG_TICKET -> 42 + random.nextInt(20);
            case LAPSED -> 20 + random.nextInt(50);
        };
        double female = switch (g) {
            case LOYAL_REGULARS -> 0.6;
            case BARGAIN_HUNTERS -> 0.7;
            case BIG_TICKET -> 0.3;
            case LAPSED -> 0.5;
        };
        String gender = random.nextDouble() < female ? "female" : "male";
        String city = CITIES[random.nextInt(CITIES.length)];
        LocalDate signup = START.minusDays(30 + random.nextInt(700));
        return id + "," + age + "," + gender + "," + city + "," + signup + "\n";
    }

    private static String device(Group g, Random random) {
        double mobile = switch (g) {
            case LOYAL_REGULARS -> 0.5;
            case BARGAIN_HUNTERS -> 0.85;
            case BIG_TICKET -> 0.15;
            case LAPSED -> 0.5;
        };
        double r = random.nextDouble();
        return r < mobile ? "mobile" : r < mobile + (1 - mobile) * 0.8 ? "desktop" : "tablet";
    }

    private static int orders(Group g, Random random) {
        return switch (g) {
            case LOYAL_REGULARS -> 14 + random.nextInt(9);
            case BARGAIN_HUNTERS -> 5 + random.nextInt(4);
            case BIG_TICKET -> 1 + random.nextInt(3);
            case LAPSED -> 1 + random.nextInt(2);
        };
    }

    /** Day (0 = 1 January 2025) of the customer's last order. */
    private static int lastDay(Group g, Random random) {
        return switch (g) {
            case LOYAL_REGULARS -> DAYS - 1 - random.nextInt(14);
            case BARGAIN_HUNTERS -> DAYS - 1 - random.nextInt(45);
            case BIG_TICKET -> DAYS - 1 - 20 - random.nextInt(60);
            case LAPSED -> 20 + random.nextInt(60);
        };
    }

    private static double spacing(Group g, Random random) {
        return switch (g) {
            case LOYAL_REGULARS -> 14 + random.nextDouble() * 6;
            case BARGAIN_HUNTERS -> 25 + random.nextDouble() * 10;
            case BIG_TICKET -> 80 + random.nextDouble() * 40;
            case LAPSED -> 10 + random.nextDouble() * 10;
        };
    }

    private static int lines(Group g, Random random) {
        return switch (g) {
            case LOYAL_REGULARS -> 3 + random.nextInt(3);
            case BARGAIN_HUNTERS -> 1 + random.nextInt(2);
            case BIG_TICKET -> 1 + random.nextInt(2);
            case LAPSED -> 2;
        };
    }

    private static Item pick(List<Item> items, Group g, Random random) {
        int[] categories = switch (g) {
            case LOYAL_REGULARS -> new int[] {0, 0, 1};
            case BARGAIN_HUNTERS -> new int[] {2, 3};
            case BIG_TICKET -> new int[] {4, 4, 5};
            case LAPSED -> new int[] {1, 2, 3};
        };
        int category = categories[random.nextInt(categories.length)];
        int perCategory = items.size() / CATEGORIES.length;
        return items.get(category * perCategory + random.nextInt(perCategory));
    }

    private static int webEvents(BufferedWriter web, String customer, Item item, String device, LocalDateTime at,
                                 Random random) throws IOException {
        int views = 1 + random.nextInt(3);
        int written = 0;
        LocalDateTime t = at.minusMinutes(5L * (views + 2));
        for (int v = 0; v < views; v++) {
            web.write(customer + "," + item.id + ",view," + device + "," + TIME.format(t) + "\n");
            t = t.plusMinutes(5);
            written++;
        }
        web.write(customer + "," + item.id + ",add_to_cart," + device + "," + TIME.format(t) + "\n");
        web.write(customer + "," + item.id + ",purchase," + device + "," + TIME.format(at) + "\n");
        return written + 2;
    }

    /**
     * The A/B test of the following month: half the customers (at random) see the treatment. Baseline conversion
     * and basket size depend on the group; the treatment lifts Bargain hunters' conversion from 20% to 34% and
     * changes no other group's.
     */
    private static String abLine(String id, Group g, double preRevenue, int orders, Random random) {
        boolean treatment = random.nextBoolean();
        double base = switch (g) {
            case LOYAL_REGULARS -> 0.45;
            case BARGAIN_HUNTERS -> 0.20;
            case BIG_TICKET -> 0.08;
            case LAPSED -> 0.03;
        };
        double p = treatment && g == Group.BARGAIN_HUNTERS ? 0.34 : base;
        boolean converted = random.nextDouble() < p;
        double basket = preRevenue / orders * (0.8 + 0.4 * random.nextDouble());
        double revenue = converted ? round(basket) : 0;
        return id + "," + (treatment ? "treatment" : "control") + "," + (converted ? 1 : 0) + "," + money(revenue)
                + "," + money(preRevenue) + "\n";
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
