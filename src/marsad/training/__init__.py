"""Code that fits marsad's shipped models and lists; nothing the pipeline runs imports it."""
