"""Language-model access: configuration, the embedded default model and its server, the client."""
