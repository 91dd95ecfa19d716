import Testing
import CustodyCore

struct TimeTests {
    @Test(arguments: [
        (Int64(0), CalendarDate(year: 1970, month: 1, day: 1)),
        (Int64(-1), CalendarDate(year: 1969, month: 12, day: 31)),
        (Int64(11_016), CalendarDate(year: 2000, month: 2, day: 29)),
        (Int64(20_782), CalendarDate(year: 2026, month: 11, day: 25)),
    ])
    func civilDatesRoundTrip(days: Int64, date: CalendarDate) {
        #expect(CalendarDate(daysSinceEpoch: days) == date)
        #expect(date.daysSinceEpoch == days)
    }

    @Test func ageCountsFullYears() {
        let birth = CalendarDate(year: 2010, month: 6, day: 15)
        #expect(birth.age(on: CalendarDate(year: 2026, month: 6, day: 14)) == 15)
        #expect(birth.age(on: CalendarDate(year: 2026, month: 6, day: 15)) == 16)
    }

    @Test func stationTimeUsesTheFixedOffset() {
        let beijing = StationTime(utcOffsetMinutes: 480)
        #expect(beijing.minuteOfDay(at: Fixtures.start) == 600)
        #expect(beijing.date(at: Fixtures.start) == CalendarDate(year: 2026, month: 11, day: 25))
        let midnight = beijing.next(minuteOfDay: 0, after: Fixtures.start)
        #expect(midnight - Fixtures.start == .hours(14))
        #expect(beijing.isWithin(.hours(21, 7), at: midnight))
        #expect(!beijing.isWithin(.hours(21, 7), at: Fixtures.start))
    }
}
