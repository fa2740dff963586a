"""The large demo site: years of a big setting's records, written with bulk inserts."""
