//! Ports of event-source-mapping code written against aws-sdk-lambda: Kafka
//! endpoints keyed by `EndPointType`, DocumentDB settings, and timestamps.

use aws_sdk_lambda::operation::create_event_source_mapping::{
    CreateEventSourceMappingInput, CreateEventSourceMappingOutput,
};
use aws_sdk_lambda::primitives::DateTime;
use aws_sdk_lambda::types::{
    DocumentDbEventSourceConfig, EndPointType, EventSourcePosition, FullDocument, SelfManagedEventSource,
};

#[test]
fn kafka_endpoints_are_keyed_by_the_enum() {
    let source = SelfManagedEventSource::builder()
        .endpoints(EndPointType::KafkaBootstrapServers, vec!["b-1.kafka:9092".to_string()])
        .build();
    let input = CreateEventSourceMappingInput::builder()
        .function_name("consumer")
        .self_managed_event_source(source)
        .topics("orders")
        .starting_position(EventSourcePosition::TrimHorizon)
        .starting_position_timestamp(DateTime::from_secs(1_700_000_000))
        .batch_size(100)
        .build()
        .unwrap();
    let endpoints = input.self_managed_event_source().and_then(|s| s.endpoints()).unwrap();
    assert_eq!(endpoints[&EndPointType::KafkaBootstrapServers], ["b-1.kafka:9092"]);
    // The timestamp getter lends the value, as the SDK's does.
    let start: Option<DateTime> = input.starting_position_timestamp().cloned();
    assert_eq!(start.map(|t| t.to_string()).as_deref(), Some("2023-11-14T22:13:20Z"));
}

#[test]
fn an_unknown_endpoint_type_round_trips_byte_for_byte() {
    let body = r#"{"SelfManagedEventSource":{"Endpoints":{"KAFKA_BOOTSTRAP_SERVERS":["a:9092"],"KAFKA_FUTURE_SERVERS":["b:9092"]}}}"#;
    let output: CreateEventSourceMappingOutput = serde_json::from_str(body).unwrap();
    let endpoints = output.self_managed_event_source().and_then(|s| s.endpoints()).unwrap();
    let unknown = endpoints.keys().find(|k| !matches!(k, EndPointType::KafkaBootstrapServers)).unwrap();
    assert_eq!(unknown.as_str(), "KAFKA_FUTURE_SERVERS");
    let again: serde_json::Value = serde_json::from_str(&serde_json::to_string(&output).unwrap()).unwrap();
    assert_eq!(again, serde_json::from_str::<serde_json::Value>(body).unwrap());
    // One key, so the map's order cannot hide a change: the bytes come back.
    let one = r#"{"Endpoints":{"KAFKA_FUTURE_SERVERS":["b:9092"]}}"#;
    let source: SelfManagedEventSource = serde_json::from_str(one).unwrap();
    assert_eq!(serde_json::to_string(&source).unwrap(), one);
}

#[test]
fn document_db_config_and_last_modified_read_as_with_the_sdk() {
    let config = DocumentDbEventSourceConfig::builder()
        .database_name("shop")
        .collection_name("orders")
        .full_document(FullDocument::UpdateLookup)
        .build();
    assert_eq!(config.full_document(), Some(&FullDocument::UpdateLookup));
    let body = r#"{"UUID":"e1","LastModified":1700000000.5,"DocumentDBEventSourceConfig":{"DatabaseName":"shop"}}"#;
    let output: CreateEventSourceMappingOutput = serde_json::from_str(body).unwrap();
    assert_eq!(output.document_db_event_source_config().and_then(|c| c.database_name()), Some("shop"));
    let modified = output.last_modified().map(ToString::to_string);
    assert_eq!(modified.as_deref(), Some("2023-11-14T22:13:20.5Z"));
    assert_eq!(output.last_modified().map(DateTime::secs), Some(1_700_000_000));
}
