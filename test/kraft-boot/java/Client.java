import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * The boot test's Kafka client (test/kraft-boot). Every connection and security setting comes
 * from the properties file it is given (the one the library's README writes) and the bootstrap
 * address; the arguments add only what the test itself is about (acks, retries, topic, group).
 * Prints one line, RESULT followed by JSON.
 *
 *   quorum   <props> <bootstrap>
 *   create   <props> <bootstrap> <topic> <partitions>
 *   describe <props> <bootstrap> <topic>
 *   produce  <props> <bootstrap> <topic> <count> <prefix> [key=value ...]
 *   consume  <props> <bootstrap> <topic> <group> <count> <timeoutMs>
 */
public class Client {
    public static void main(String[] args) throws Exception {
        Properties props = Utils.loadProps(args[1]);
        props.put("bootstrap.servers", args[2]);
        Map<String, Object> result = new LinkedHashMap<>();
        switch (args[0]) {
            case "quorum": quorum(props, result); break;
            case "create": create(props, args[3], Integer.parseInt(args[4]), result); break;
            case "describe": describe(props, args[3], result); break;
            case "produce": produce(props, args, result); break;
            case "consume": consume(props, args[3], args[4], Integer.parseInt(args[5]), Long.parseLong(args[6]), result); break;
            default: throw new IllegalArgumentException(args[0]);
        }
        System.out.println("RESULT " + json(result));
    }

    static void quorum(Properties props, Map<String, Object> result) throws Exception {
        try (Admin admin = Admin.create(props)) {
            QuorumInfo q = admin.describeMetadataQuorum().quorumInfo().get();
            result.put("leaderId", q.leaderId());
            result.put("leaderEpoch", q.leaderEpoch());
            result.put("highWatermark", q.highWatermark());
            result.put("voters", replicas(q.voters()));
            result.put("observers", replicas(q.observers()));
            List<Object> brokers = new ArrayList<>();
            for (Node n : admin.describeCluster().nodes().get()) brokers.add(n.id() + "@" + n.host() + ":" + n.port());
            result.put("brokers", brokers);
        }
    }

    static List<Object> replicas(List<QuorumInfo.ReplicaState> states) {
        List<Object> out = new ArrayList<>();
        for (QuorumInfo.ReplicaState r : states) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.replicaId());
            m.put("logEndOffset", r.logEndOffset());
            m.put("lastCaughtUpMsAgo", r.lastCaughtUpTimestamp().isPresent() ? System.currentTimeMillis() - r.lastCaughtUpTimestamp().getAsLong() : -1);
            out.add(m);
        }
        return out;
    }

    static void create(Properties props, String topic, int partitions, Map<String, Object> result) throws Exception {
        try (Admin admin = Admin.create(props)) {
            // Replication factor and configs left to the brokers: default.replication.factor and
            // min.insync.replicas of the generated server properties.
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all().get();
        }
        describe(props, topic, result);
    }

    static void describe(Properties props, String topic, Map<String, Object> result) throws Exception {
        try (Admin admin = Admin.create(props)) {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            List<Object> parts = new ArrayList<>();
            for (TopicPartitionInfo p : d.partitions()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("partition", p.partition());
                m.put("leader", p.leader() == null ? -1 : p.leader().id());
                m.put("replicas", ids(p.replicas()));
                m.put("isr", ids(p.isr()));
                parts.add(m);
            }
            result.put("partitions", parts);
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config c = admin.describeConfigs(List.of(r)).all().get().get(r);
            result.put("min.insync.replicas", c.get("min.insync.replicas").value());
        }
    }

    static List<Object> ids(List<Node> nodes) {
        List<Object> out = new ArrayList<>();
        for (Node n : nodes) out.add(n.id());
        return out;
    }

    static void produce(Properties props, String[] args, Map<String, Object> result) throws Exception {
        String topic = args[3];
        int count = Integer.parseInt(args[4]);
        String prefix = args[5];
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        for (int i = 6; i < args.length; i++) props.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
        AtomicInteger ok = new AtomicInteger();
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        Map<String, String> messages = new ConcurrentHashMap<>();
        long started = System.currentTimeMillis();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, Integer.toString(i), prefix + "-" + i), (md, e) -> {
                    if (e == null) ok.incrementAndGet();
                    else {
                        errors.merge(e.getClass().getName(), 1, Integer::sum);
                        messages.putIfAbsent(e.getClass().getName(), String.valueOf(e.getMessage()));
                    }
                });
            }
            producer.flush();
        }
        result.put("acked", ok.get());
        result.put("errors", new TreeMap<>(errors));
        result.put("messages", new TreeMap<>(messages));
        result.put("ms", System.currentTimeMillis() - started);
    }

    static void consume(Properties props, String topic, String group, int count, long timeoutMs, Map<String, Object> result) {
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Set<String> values = new HashSet<>();
        long deadline = System.currentTimeMillis() + timeoutMs;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (values.size() < count && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) values.add(r.value());
            }
            consumer.commitSync();
        }
        result.put("count", values.size());
        result.put("values", new ArrayList<>(new TreeMap<String, Object>() {{ for (String v : values) put(v, v); }}.keySet()));
    }

    static String json(Object o) {
        if (o == null) return "null";
        if (o instanceof Number || o instanceof Boolean) return o.toString();
        if (o instanceof Map) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                if (b.length() > 1) b.append(',');
                b.append(json(String.valueOf(e.getKey()))).append(':').append(json(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (o instanceof Collection) {
            StringBuilder b = new StringBuilder("[");
            for (Object e : (Collection<?>) o) {
                if (b.length() > 1) b.append(',');
                b.append(json(e));
            }
            return b.append(']').toString();
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : o.toString().toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
