package dev.cdk8s.kafka.config;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Prints, as JSON on standard output, the configuration definitions ({@link ConfigDef}) of the
 * Kafka version on the classpath: for each config set (brokers, topics, producers, consumers,
 * admin clients, Connect workers, MirrorMaker 2), every key with its type, default, validator,
 * importance and whether it is internal, sorted by name.
 *
 * <pre>java -cp generator-classes:KAFKA-CLASSPATH dev.cdk8s.kafka.config.KafkaConfigModel 4.3.1</pre>
 *
 * The argument is the version the classpath must be (Kafka's own AppInfoParser says which it is).
 * The output is deterministic: the same jars give the same bytes.
 *
 * <p>With {@code --judge}, it reads cases from standard input instead, one a line
 * ({@code set TAB key TAB value}, the value as a properties file has it), and prints Kafka's
 * verdict on each, one a line: {@code ok}, or {@code error: } and Kafka's message
 * ({@code ConfigDef.parseType}, then the key's validator), or {@code unknown}.
 */
public final class KafkaConfigModel {
    private KafkaConfigModel() {
    }

    /** Where each config set's ConfigDef is, in Kafka 4.2 and 4.3. */
    private static Map<String, ConfigDef> configSets() throws ReflectiveOperationException {
        Map<String, ConfigDef> sets = new LinkedHashMap<>();
        // KafkaConfig.configDef() is AbstractKafkaConfig.CONFIG_DEF: the union of the server ConfigDefs
        // (ServerConfigs, KRaftConfigs, SocketServerConfigs, ReplicationConfigs, LogConfig.SERVER_CONFIG_DEF,
        // the coordinators', QuorumConfig, RemoteLogManagerConfig, BrokerSecurityConfigs, …); with the
        // broker's replication quotas (QuotaConfig.brokerQuotaConfigs), as Kafka's broker documentation
        // lists them (KafkaConfig.main).
        ConfigDef broker = new ConfigDef((ConfigDef) staticField("org.apache.kafka.server.config.AbstractKafkaConfig", "CONFIG_DEF"));
        ConfigDef quotas = (ConfigDef) staticMethod("org.apache.kafka.server.config.QuotaConfig", "brokerQuotaConfigs");
        quotas.configKeys().values().forEach(broker::define);
        sets.put("broker", broker);
        // The topic configs LogConfig.validate takes (TopicConfig, QuotaConfig's throttled replicas).
        sets.put("topic", (ConfigDef) staticMethod("org.apache.kafka.storage.internals.log.LogConfig", "configDefCopy"));
        sets.put("producer", ProducerConfig.configDef());
        sets.put("consumer", ConsumerConfig.configDef());
        sets.put("admin", AdminClientConfig.configDef());
        // A distributed Connect worker (connect-distributed.properties), with the JVM's own crypto.
        Class<?> crypto = Class.forName("org.apache.kafka.connect.runtime.distributed.Crypto");
        sets.put("connect", (ConfigDef) staticMethod("org.apache.kafka.connect.runtime.distributed.DistributedConfig", "config",
                new Class<?>[] {crypto}, crypto.getField("SYSTEM").get(null)));
        // MirrorMaker 2: the dedicated mode's top level (mm2.properties), and each connector's own.
        sets.put("mirrormaker", (ConfigDef) staticMethod("org.apache.kafka.connect.mirror.MirrorMakerConfig", "config"));
        sets.put("mirror-source", (ConfigDef) staticField("org.apache.kafka.connect.mirror.MirrorSourceConfig", "CONNECTOR_CONFIG_DEF"));
        sets.put("mirror-checkpoint", (ConfigDef) staticField("org.apache.kafka.connect.mirror.MirrorCheckpointConfig", "CONNECTOR_CONFIG_DEF"));
        sets.put("mirror-heartbeat", (ConfigDef) staticField("org.apache.kafka.connect.mirror.MirrorHeartbeatConfig", "CONNECTOR_CONFIG_DEF"));
        return sets;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--judge"))) {
            throw new IllegalArgumentException("usage: KafkaConfigModel <the Kafka version on the classpath> [--judge]");
        }
        String version = AppInfoParser.getVersion();
        if (!version.equals(args[0])) {
            throw new IllegalStateException("the classpath holds Kafka " + version + ", not " + args[0]);
        }
        if (args.length == 2) {
            judge(configSets());
            return;
        }
        Map<String, Object> sets = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigDef> set : configSets().entrySet()) {
            Map<String, Object> keys = new TreeMap<>();
            for (ConfigDef.ConfigKey key : set.getValue().configKeys().values()) {
                keys.put(key.name, describe(key));
            }
            sets.put(set.getKey(), keys);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", version);
        out.put("sets", sets);
        StringBuilder json = new StringBuilder();
        Json.write(json, out, 0);
        System.out.println(json);
    }

    /** Prints Kafka's verdict on each case of standard input (see the class comment). */
    private static void judge(Map<String, ConfigDef> sets) throws java.io.IOException {
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] c = line.split("\t", 3);
            ConfigDef.ConfigKey key = sets.get(c[0]).configKeys().get(c[1]);
            if (key == null) {
                out.append("unknown\n");
                continue;
            }
            try {
                Object parsed = ConfigDef.parseType(key.name, c[2], key.type);
                if (key.validator != null) {
                    key.validator.ensureValid(key.name, parsed);
                }
                out.append("ok\n");
            } catch (RuntimeException e) {
                out.append("error: ").append(String.valueOf(e.getMessage()).replace('\n', ' ')).append('\n');
            }
        }
        System.out.print(out);
    }

    /** A key as the model has it: type, default, validator, importance, internal. */
    private static Map<String, Object> describe(ConfigDef.ConfigKey key) throws ReflectiveOperationException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", key.type.name());
        // NO_DEFAULT_VALUE: the key is required; null: it has no value unless set.
        if (key.defaultValue == ConfigDef.NO_DEFAULT_VALUE) {
            d.put("required", true);
        } else {
            d.put("default", key.defaultValue == null ? null : ConfigDef.convertToString(key.defaultValue, key.type));
        }
        if (key.validator != null) {
            d.put("validator", validator(key.validator));
        }
        d.put("importance", key.importance.name().toLowerCase());
        if (key.internalConfig) {
            d.put("internal", true);
        }
        return d;
    }

    /**
     * A validator as data: {@code range} (min, max as decimal strings, either null when open),
     * {@code in} (ValidString, with {@code caseInsensitive} for CaseInsensitiveValidString),
     * {@code list} (ValidList: its values, null for any; whether empty and null are allowed),
     * {@code all} (CompositeValidator), {@code nonEmpty}, {@code nonNull}, {@code noControlChars},
     * {@code maxSize} (ListSize); any other validator by its class and description.
     */
    private static Map<String, Object> validator(ConfigDef.Validator v) throws ReflectiveOperationException {
        Map<String, Object> d = new LinkedHashMap<>();
        if (v instanceof ConfigDef.Range) {
            Object min = field(v, "min");
            Object max = field(v, "max");
            d.put("range", list(min == null ? null : min.toString(), max == null ? null : max.toString()));
        } else if (v instanceof ConfigDef.ValidString) {
            d.put("in", field(v, "validStrings"));
        } else if (v instanceof ConfigDef.CaseInsensitiveValidString) {
            // A HashSet: sorted, so that the output does not depend on hashing.
            d.put("in", new ArrayList<>(new TreeSet<>((Collection<String>) field(v, "validStrings"))));
            d.put("caseInsensitive", true);
        } else if (v instanceof ConfigDef.ValidList) {
            List<?> values = (List<?>) field(field(v, "validString"), "validStrings");
            d.put("list", values.isEmpty() ? null : values);
            d.put("emptyAllowed", field(v, "isEmptyAllowed"));
            d.put("nullAllowed", field(v, "isNullAllowed"));
        } else if (v instanceof ConfigDef.CompositeValidator) {
            List<Object> all = new ArrayList<>();
            for (Object each : (List<?>) field(v, "validators")) {
                all.add(validator((ConfigDef.Validator) each));
            }
            d.put("all", all);
        } else if (v instanceof ConfigDef.NonEmptyString) {
            d.put("nonEmpty", true);
        } else if (v instanceof ConfigDef.NonNullValidator) {
            d.put("nonNull", true);
        } else if (v instanceof ConfigDef.NonEmptyStringWithoutControlChars) {
            d.put("nonEmpty", true);
            d.put("noControlChars", true);
        } else if (v instanceof ConfigDef.ListSize) {
            d.put("maxSize", field(v, "maxSize"));
        } else {
            d.put("class", v.getClass().getName().replaceAll("\\$\\$Lambda.*", "$$Lambda"));
            d.put("text", describe(v));
        }
        return d;
    }

    /** A validator's description, unless it is Object's (class@hash), which says nothing and changes every run. */
    private static String describe(ConfigDef.Validator v) {
        String text = String.valueOf(v);
        return text.matches(".*@[0-9a-f]+$") ? null : text;
    }

    private static List<Object> list(Object... items) {
        List<Object> l = new ArrayList<>();
        for (Object i : items) {
            l.add(i);
        }
        return l;
    }

    /** An instance field, private or package-private (Kafka's validators do not expose their bounds). */
    private static Object field(Object o, String name) throws ReflectiveOperationException {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(o);
            } catch (NoSuchFieldException e) {
                // the superclass may have it
            }
        }
        throw new NoSuchFieldException(o.getClass().getName() + "." + name);
    }

    private static Object staticField(String className, String name) throws ReflectiveOperationException {
        Field f = Class.forName(className).getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }

    private static Object staticMethod(String className, String name) throws ReflectiveOperationException {
        return staticMethod(className, name, new Class<?>[0]);
    }

    private static Object staticMethod(String className, String name, Class<?>[] types, Object... args) throws ReflectiveOperationException {
        Method m = Class.forName(className).getDeclaredMethod(name, types);
        m.setAccessible(true);
        return m.invoke(null, args);
    }

    /** Just enough JSON: maps (in their order), lists, strings, booleans, numbers and null; two-space indents. */
    static final class Json {
        private Json() {
        }

        static void write(StringBuilder out, Object value, int indent) {
            if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
                out.append(value);
            } else if (value instanceof String) {
                string(out, (String) value);
            } else if (value instanceof Map) {
                Map<?, ?> map = (Map<?, ?>) value;
                if (map.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append("{\n");
                int i = 0;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append("  ".repeat(indent + 1));
                    string(out, (String) e.getKey());
                    out.append(": ");
                    write(out, e.getValue(), indent + 1);
                    out.append(++i < map.size() ? ",\n" : "\n");
                }
                out.append("  ".repeat(indent)).append('}');
            } else if (value instanceof Collection) {
                out.append('[');
                int i = 0;
                for (Object item : (Collection<?>) value) {
                    if (i++ > 0) {
                        out.append(", ");
                    }
                    write(out, item, indent + 1);
                }
                out.append(']');
            } else {
                throw new IllegalArgumentException("no JSON for " + value.getClass());
            }
        }

        private static void string(StringBuilder out, String s) {
            out.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"': out.append("\\\""); break;
                    case '\\': out.append("\\\\"); break;
                    case '\n': out.append("\\n"); break;
                    case '\t': out.append("\\t"); break;
                    case '\r': out.append("\\r"); break;
                    default:
                        if (c < 0x20 || c > 0x7e) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                }
            }
            out.append('"');
        }
    }
}
