-- The MQTT client id of each node in a shared subscription group (hxay.mqtt.shared-group). A node claims its row with
-- a session-level advisory lock on a connection of its own; when the node dies the lock goes with the connection, and
-- another node takes over the broker session named here: it handles what the broker kept for the dead node (sent but
-- not acknowledged, and queued for it since) and ends that session (see alarm.ingestion.NodeSessions).
create table mqtt_node_session (
    client_id    text primary key,
    topic_filter text        not null,
    claimed_at   timestamptz not null default now()
);
