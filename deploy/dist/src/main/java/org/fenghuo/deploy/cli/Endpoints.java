package org.fenghuo.deploy.cli;

import java.util.Optional;

/**
 * Finds Kafka and Elasticsearch for commands that talk to a running Fenghuo: an explicit flag
 * first, then the environment ({@code FENGHUO_KAFKA}, {@code FENGHUO_ES_URL}), then the
 * {@code run.json} of a live {@code fenghuo run}.
 */
final class Endpoints {
    private Endpoints() {
    }

    static String kafka(String flag) {
        return pick(flag, "FENGHUO_KAFKA", RunState.read().map(RunState::kafkaBootstrap), "Kafka", "--kafka");
    }

    static String elasticsearch(String flag) {
        return pick(flag, "FENGHUO_ES_URL", RunState.read().map(RunState::elasticsearchUrl), "Elasticsearch", "--es");
    }

    private static String pick(String flag, String env, Optional<String> running, String what, String option) {
        if (flag != null && !flag.isBlank()) {
            return flag;
        }
        String fromEnv = System.getenv(env);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return running.orElseThrow(() -> new ServiceUnavailableException("no " + what
                + " to talk to: start Fenghuo with `fenghuo run` (it records where things are in "
                + RunState.file() + "), or pass " + option + ", or set " + env));
    }
}
