import Testing
import QQData
@testable import QQLang

@Suite struct EngineSmokeTests {
    @Test func whereSortSelect() {
        let r = EngineFixture.run("accounts | where age > 20 | sort age desc | select handle, age")
        #expect(r.ok, "\(r.err)")
        print(r.out, r.err)
    }
}
