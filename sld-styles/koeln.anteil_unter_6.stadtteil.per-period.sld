<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>koeln.anteil_unter_6.stadtteil</Name>
    <UserStyle>
      <Name>per-period</Name>
      <Title>Anteil der Kinder unter 6 Jahren an der Bevölkerung – Stadtteil – Katalog-Klassen je Zeitraum berechnet</Title>
      <IsDefault>0</IsDefault>
      <FeatureTypeStyle>
        <Rule>
          <Name>nicht-veroeffentlicht</Name>
          <Title>nicht veröffentlicht (–)</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo><ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>suppressed</ogc:Literal></ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bdbdbd</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>keine-angabe</Name>
          <Title>keine Angabe (x)</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsNull><ogc:PropertyName>value</ogc:PropertyName></ogc:PropertyIsNull>
              <ogc:PropertyIsNotEqualTo><ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>suppressed</ogc:Literal></ogc:PropertyIsNotEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#ffffff</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2005-klasse-1</Name>
          <Title>2005: 2,8 bis unter 4,6</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2005</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.6</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2005-klasse-2</Name>
          <Title>2005: 4,6 bis unter 5,1</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2005</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.6</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.1</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2005-klasse-3</Name>
          <Title>2005: 5,1 bis unter 5,8</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2005</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.1</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.8</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2005-klasse-4</Name>
          <Title>2005: 5,8 bis unter 6,4</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2005</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.8</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.4</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2005-klasse-5</Name>
          <Title>2005: 6,4 – 9,0</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2005</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.4</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2006-klasse-1</Name>
          <Title>2006: 2,9 bis unter 4,5</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2006</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.5</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2006-klasse-2</Name>
          <Title>2006: 4,5 bis unter 5,0</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2006</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.5</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.0</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2006-klasse-3</Name>
          <Title>2006: 5,0 bis unter 5,4</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2006</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.0</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.4</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2006-klasse-4</Name>
          <Title>2006: 5,4 bis unter 6,2</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2006</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.4</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.2</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2006-klasse-5</Name>
          <Title>2006: 6,2 – 8,0</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2006</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.2</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2007-klasse-1</Name>
          <Title>2007: 2,9 bis unter 4,6</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2007</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.6</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2007-klasse-2</Name>
          <Title>2007: 4,6 bis unter 5,0</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2007</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.6</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.0</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2007-klasse-3</Name>
          <Title>2007: 5,0 bis unter 5,6</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2007</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.0</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.6</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2007-klasse-4</Name>
          <Title>2007: 5,6 bis unter 6,3</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2007</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.6</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.3</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2007-klasse-5</Name>
          <Title>2007: 6,3 – 8,0</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2007</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.3</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2008-klasse-1</Name>
          <Title>2008: 2,9 bis unter 4,6</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2008</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.6</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2008-klasse-2</Name>
          <Title>2008: 4,6 bis unter 5,0</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2008</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.6</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.0</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2008-klasse-3</Name>
          <Title>2008: 5,0 bis unter 5,6</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2008</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.0</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.6</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2008-klasse-4</Name>
          <Title>2008: 5,6 bis unter 6,2</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2008</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.6</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.2</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2008-klasse-5</Name>
          <Title>2008: 6,2 – 8,0</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2008</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.2</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2009-klasse-1</Name>
          <Title>2009: 3,0 bis unter 4,7</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2009</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.7</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2009-klasse-2</Name>
          <Title>2009: 4,7 bis unter 5,1</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2009</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.7</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.1</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2009-klasse-3</Name>
          <Title>2009: 5,1 bis unter 5,7</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2009</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.1</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.7</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2009-klasse-4</Name>
          <Title>2009: 5,7 bis unter 6,3</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2009</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.7</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.3</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2009-klasse-5</Name>
          <Title>2009: 6,3 – 8,0</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2009</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.3</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2010-klasse-1</Name>
          <Title>2010: 3,0 bis unter 4,7</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2010</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.7</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2010-klasse-2</Name>
          <Title>2010: 4,7 bis unter 5,2</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2010</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.7</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.2</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2010-klasse-3</Name>
          <Title>2010: 5,2 bis unter 5,9</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2010</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.2</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.9</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2010-klasse-4</Name>
          <Title>2010: 5,9 bis unter 6,3</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2010</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.9</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.3</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2010-klasse-5</Name>
          <Title>2010: 6,3 – 8,2</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2010</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.3</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2011-klasse-1</Name>
          <Title>2011: 3,2 bis unter 4,7</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2011</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.7</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2011-klasse-2</Name>
          <Title>2011: 4,7 bis unter 5,1</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2011</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.7</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.1</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2011-klasse-3</Name>
          <Title>2011: 5,1 bis unter 5,9</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2011</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.1</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.9</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2011-klasse-4</Name>
          <Title>2011: 5,9 bis unter 6,3</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2011</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.9</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.3</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2011-klasse-5</Name>
          <Title>2011: 6,3 – 8,9</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2011</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.3</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2012-klasse-1</Name>
          <Title>2012: 3,1 bis unter 4,8</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2012</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.8</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#efedf5</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2012-klasse-2</Name>
          <Title>2012: 4,8 bis unter 5,2</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2012</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>4.8</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.2</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bcbddc</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2012-klasse-3</Name>
          <Title>2012: 5,2 bis unter 6,0</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2012</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>5.2</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.0</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#807dba</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2012-klasse-4</Name>
          <Title>2012: 6,0 bis unter 6,3</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2012</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.0</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.3</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#6a51a3</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>2012-klasse-5</Name>
          <Title>2012: 6,3 – 9,7</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo><ogc:PropertyName>period</ogc:PropertyName><ogc:Literal>2012</ogc:Literal></ogc:PropertyIsEqualTo>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>6.3</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#3f007d</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
