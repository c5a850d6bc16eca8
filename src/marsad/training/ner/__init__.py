"""Training and research code for the NER tagger: trainers (CRF and BiLSTM-CRF), pretraining,
silver labels from the news, Wikipedia names, and the builders of the word lists the tagger's
passes read. Needs the `ner-train` extra; the runtime tagger (`marsad.enrich.ner`) imports
nothing from here."""
