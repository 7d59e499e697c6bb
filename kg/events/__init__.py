"""Parsed sentences -> events, by dependency rules over the trigger table of ontology/rules.yaml and
the CAMEO verb dictionary (kg/lexicon.py).

For each trigger (a verb, a stance predicate or an event noun) the rules find the actor (subject,
passive agent, possessor, controller of an infinitive), the theme (what is sent), the target
(object or prepositional object), the modality (from the clauses that govern the trigger), the
date (a temporal expression attached to the trigger's own clause), the quantity (a number on the
theme) and the source the claim is attributed to (the subject of a verb of saying above it).

The stages, each a module that reads only the ones before it:

- `context`: the dependency labels the rules read and the per-text lookups they share;
- `participants`: noun phrases -> actor keys (names, pronouns, nationalities on agent nouns, groups);
- `frames`: one trigger -> one `Frame` (actors, targets, theme, action and CAMEO code);
- `qualifiers`: modality, attribution, date and quantity of a trigger;
- `extract`: the frames of each sentence combined into `Event`s with their evidence.
"""

from kg.events.extract import extract

__all__ = ["extract"]
