"""The rule coder's parts: the mixins of dyad.events.component.EventExtractor and the
questions they ask of a parse."""
