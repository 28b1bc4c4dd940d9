"""Reading bookkeeping files: SIE type 4 and a CSV trial balance."""
