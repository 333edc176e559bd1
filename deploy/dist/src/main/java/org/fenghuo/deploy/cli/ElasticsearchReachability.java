package org.fenghuo.deploy.cli;

import java.io.IOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.fenghuo.correlation.elasticsearch.ElasticsearchClients;

/** Fails at start, with the URL, when a configured Elasticsearch does not answer. */
final class ElasticsearchReachability {
    private ElasticsearchReachability() {
    }

    static void require(String url) {
        ElasticsearchClient client = ElasticsearchClients.create(url);
        try {
            client.cluster().health();
        } catch (IOException | RuntimeException e) {
            throw new ServiceUnavailableException("cannot reach Elasticsearch at " + url + ": " + e.getMessage(), e);
        } finally {
            ElasticsearchClients.closeQuietly(client);
        }
    }
}
