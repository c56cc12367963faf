package journal

import "mps/store/storetest"

// engine is one of the two engines each test of the suite runs on.
type engine = storetest.Engine

// journals opens journals on either engine for the tests.
func journals() storetest.Stores[*Store] {
	return storetest.Stores[*Store]{FileName: FileName, Open: Open, OpenPostgres: OpenPostgres}
}
