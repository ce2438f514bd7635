import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.utils.Utils;

/**
 * Judges client properties files with Kafka's own client config classes (test/kraft-boot).
 * Arguments: <role>=<file>, role one of producer, consumer, admin. For each, one line:
 *
 *   OK       <role> <file>
 *   UNKNOWN  <role> <file> <key> <closest known key>
 *   INVALID  <role> <file> <ConfigException message>
 *
 * A key is known when the role's ConfigDef defines it (ProducerConfig.configNames(), …) or it
 * configures a config provider the file names (config.providers.<name>.class and
 * config.providers.<name>.param.*, which AbstractConfig.instantiateConfigProviders reads itself).
 * Values are judged by constructing the config class, as the clients do; what a command-line tool
 * sets itself (bootstrap.servers from --bootstrap-server, the (de)serializers) is filled in first
 * when the file lacks it.
 */
public class ConfigCheck {
    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            String role = arg.substring(0, arg.indexOf('='));
            String file = arg.substring(arg.indexOf('=') + 1);
            Properties props = Utils.loadProps(file);
            Set<String> known = names(role);
            Set<String> providers = new HashSet<>();
            for (String p : props.getProperty(AbstractConfig.CONFIG_PROVIDERS_CONFIG, "").split(",")) if (!p.isBlank()) providers.add(p.trim());
            boolean clean = true;
            for (String key : new TreeSet<>(props.stringPropertyNames())) {
                if (known.contains(key) || providerKey(key, providers)) continue;
                System.out.println("UNKNOWN\t" + role + "\t" + file + "\t" + key + "\t" + closest(key, known));
                clean = false;
            }
            Map<String, Object> filled = new HashMap<>();
            for (String key : props.stringPropertyNames()) filled.put(key, props.getProperty(key));
            filled.putIfAbsent("bootstrap.servers", "localhost:9092");
            try {
                switch (role) {
                    case "producer":
                        filled.putIfAbsent("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
                        filled.putIfAbsent("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
                        new ProducerConfig(filled);
                        break;
                    case "consumer":
                        filled.putIfAbsent("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
                        filled.putIfAbsent("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
                        new ConsumerConfig(filled);
                        break;
                    default:
                        new AdminClientConfig(filled);
                }
            } catch (Exception e) {
                System.out.println("INVALID\t" + role + "\t" + file + "\t" + String.valueOf(e.getMessage()).replace('\n', ' '));
                clean = false;
            }
            if (clean) System.out.println("OK\t" + role + "\t" + file);
        }
    }

    static Set<String> names(String role) {
        switch (role) {
            case "producer": return ProducerConfig.configNames();
            case "consumer": return ConsumerConfig.configNames();
            case "admin": return AdminClientConfig.configNames();
            default: throw new IllegalArgumentException(role);
        }
    }

    static boolean providerKey(String key, Set<String> providers) {
        for (String p : providers) {
            String prefix = AbstractConfig.CONFIG_PROVIDERS_CONFIG + "." + p + ".";
            if (key.equals(prefix + "class") || key.startsWith(prefix + "param.")) return true;
        }
        return false;
    }

    static String closest(String key, Set<String> known) {
        String best = "-";
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key, k);
            if (d < bestDistance) { bestDistance = d; best = k; }
        }
        return best;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
