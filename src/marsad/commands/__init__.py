"""One module per `marsad` sub-command; `marsad.cli` assembles them into one group."""
