// The Spark Connect engine is compiled with the Spark trait only (swift build --traits Spark).
