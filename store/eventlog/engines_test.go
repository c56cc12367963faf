package eventlog

import "mps/store/storetest"

// engine is one of the two engines each test of the suite runs on.
type engine = storetest.Engine

// logs opens event logs on either engine for the tests.
func logs() storetest.Stores[*Log] {
	return storetest.Stores[*Log]{FileName: FileName, Open: Open, OpenPostgres: OpenPostgres}
}
